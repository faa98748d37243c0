namespace AttrFanout.Cli;

/// <summary>What <c>attrfanout --help</c> prints.</summary>
internal static class HelpText
{
    public const string Usage = """
        attrfanout: see and steer AttrFanout runs, and send events.

        Commands
          functions                                  list functions: triggers, retries, run counts
          runs [--status S] [--function F] [--event NAME] [--event-id ID] [--limit N | --all]
                                                     list runs, most recent first (S: pending, running, retry-scheduled,
                                                     succeeded, failed, skipped, cancelled; repeat or comma-separate)
          runs show <runId>                          one run and its error
          replay <runId>                             replay a failed run as a new run
          replay --failed [--function F] [--event NAME] [--limit N] --yes
                                                     replay every failed run that matches (without --yes: list them)
          cancel <runId>                             cancel a waiting run, or ask an executing one to stop
          send <event-name> --data '{json}' | --data @file.json [--id ID]
                                                     send an event

        Target (one)
          --sqlite <file>                            the app's SQLite store file (opened beside the app)
          --nats <url>                               the app's NATS server (default: NATS_URL)
              --user U --password P | --token T | --creds FILE   (or NATS_USER, NATS_PASSWORD, NATS_TOKEN, NATS_CREDS)
              --prefix P (attrfanout)  --stream S (ATTRFANOUT)  --dead-letter-stream D (ATTRFANOUT_DEAD)
          --url <dashboard URL>                      a running app's dashboard, e.g. http://localhost:5000/attrfanout
              --header 'Name: value'                 sent with every request (e.g. the authorization the dashboard needs)
              --event-key K                          the event endpoint's key for send (or ATTRFANOUT_EVENT_KEY)
              --events-url URL                       the event endpoint (default: /e on the dashboard's host)

        Output
          --json                                     machine-readable JSON on standard output
          --timeout SECONDS                          bound of the whole command (default 30)

        Exit codes: 0 done, 1 not found or failed, 2 bad usage.
        """;
}
