namespace AttrFanout.Dashboard;

/// <summary>The dashboard's stylesheet and script, served from the package itself: no CDN, nothing to fetch elsewhere.</summary>
internal static class DashboardAssets
{
    public const string Css = """
        :root { --fg:#1d2330; --muted:#6b7385; --line:#e2e5ec; --bg:#f7f8fa; --accent:#3451b2; --ok:#1f7a3d; --bad:#b42318; --warn:#a15c07; }
        * { box-sizing: border-box; }
        body { margin:0; font:14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color:var(--fg); background:var(--bg); }
        header { display:flex; gap:1.5rem; align-items:center; padding:.7rem 1.5rem; background:#fff; border-bottom:1px solid var(--line); }
        header nav { display:flex; gap:1rem; }
        header a { color:var(--fg); text-decoration:none; }
        header nav a:hover { color:var(--accent); }
        .brand { font-weight:700; }
        main { padding:1.2rem 1.5rem; }
        h1 { font-size:1.3rem; margin:.2rem 0 1rem; }
        h2 { font-size:1.05rem; margin:1.5rem 0 .5rem; }
        a { color:var(--accent); }
        table { border-collapse:collapse; width:100%; background:#fff; border:1px solid var(--line); }
        th, td { text-align:left; padding:.45rem .6rem; border-bottom:1px solid var(--line); vertical-align:top; }
        th { font-weight:600; color:var(--muted); font-size:.8rem; text-transform:uppercase; letter-spacing:.03em; }
        td.count, th.count { text-align:right; }
        .mono { font-family:ui-monospace, "SFMono-Regular", Menlo, monospace; font-size:.85em; }
        .small { font-size:.8em; }
        .muted, .note, .empty { color:var(--muted); }
        .status { display:inline-block; padding:.05rem .5rem; border-radius:1rem; font-size:.8rem; font-weight:600; background:#eef0f4; }
        .status-succeeded { background:#e3f4e8; color:var(--ok); }
        .status-failed { background:#fde8e6; color:var(--bad); }
        .status-retryscheduled, .status-running { background:#fff3df; color:var(--warn); }
        .status-skipped, .status-cancelled { background:#eef0f4; color:var(--muted); }
        .count-failed { color:var(--bad); font-weight:600; }
        .count-retrying, .count-running { color:var(--warn); font-weight:600; }
        td.error div + div { margin-top:.2rem; }
        .error-message { white-space:pre-wrap; background:#fff6f5; border:1px solid #f6d3cf; padding:.6rem; margin:.3rem 0 0; }
        dl.run { display:grid; grid-template-columns:max-content 1fr; gap:.4rem 1.2rem; background:#fff; border:1px solid var(--line); padding:1rem; }
        dl.run dt { color:var(--muted); }
        dl.run dd { margin:0; }
        ol.timeline { list-style:none; padding:0; border-left:2px solid var(--line); margin-left:.4rem; }
        ol.timeline li { padding:.2rem 0 .4rem 1rem; position:relative; }
        ol.timeline li::before { content:""; position:absolute; left:-.42rem; top:.55rem; width:.7rem; height:.7rem; border-radius:50%; background:var(--accent); }
        ol.timeline li.ended::before { background:var(--fg); }
        ol.timeline time { color:var(--muted); margin-right:.5rem; }
        ol.timeline li.attempt-failed::before, ol.timeline li.attempt-timedout::before, ol.timeline li.attempt-failedwillretry::before { background:var(--bad); }
        ol.timeline li.attempt-succeeded::before { background:var(--good, #2e8540); }
        ol.timeline li.not-kept::before { background:var(--line); }
        ol.timeline li.not-kept { color:var(--muted); font-style:italic; }
        .attempt-number { font-weight:600; }
        details.stack-trace summary { cursor:pointer; color:var(--muted); font-size:.85rem; }
        details.stack-trace pre { white-space:pre-wrap; font-size:.8rem; background:#f7f7f9; border:1px solid var(--line); padding:.6rem; max-height:24rem; overflow:auto; }
        form.inline { display:inline; }
        form.filters { display:flex; flex-wrap:wrap; gap:.8rem; align-items:end; margin-bottom:1rem; }
        form.filters label { display:flex; flex-direction:column; font-size:.8rem; color:var(--muted); gap:.2rem; }
        input, select, button { font:inherit; padding:.3rem .5rem; border:1px solid var(--line); border-radius:.3rem; background:#fff; }
        button { cursor:pointer; }
        button.replay { background:var(--accent); color:#fff; border-color:var(--accent); }
        button.cancel { background:#fff; color:var(--bad); border-color:var(--bad); }
        .actions { margin:0 0 1rem; display:flex; gap:.5rem; }
        .badge { margin-left:auto; padding:.1rem .6rem; border-radius:1rem; background:#eef0f4; color:var(--muted); font-size:.8rem; }
        .flash { background:#e3f4e8; border:1px solid #bfe3ca; padding:.5rem .8rem; }
        .incomplete { background:#fff3df; border:1px solid #f3d9a8; padding:.5rem .8rem; }
        fieldset.statuses { border:1px solid var(--line); border-radius:.3rem; display:flex; flex-wrap:wrap; gap:.2rem .8rem; padding:.3rem .6rem; }
        fieldset.statuses label { flex-direction:row; align-items:center; color:var(--fg); }
        .event-run { white-space:nowrap; }
        .paging { margin-top:1rem; }
        """;

    /// <summary>
    /// Live updates by polling: every few seconds the page asks its own address for the content of its live region
    /// (header <c>X-AttrFanout-Live</c>) and swaps it in when its version (<see cref="Html.ContentVersion"/>) changed; paused while the tab is hidden or a form field has focus.
    /// </summary>
    public const string Js = """
        (() => {
          const every = Number(document.body.dataset.refreshMs || 0);
          const live = document.getElementById('live');
          if (!every || !live) return;
          let busy = false;
          const refresh = async () => {
            const focused = document.activeElement;
            if (busy || document.hidden || (focused && focused.closest && focused.closest('form.filters'))) return;
            busy = true;
            try {
              const response = await fetch(location.href, { headers: { 'X-AttrFanout-Live': '1' }, cache: 'no-store', credentials: 'same-origin' });
              if (response.ok) {
                const version = response.headers.get('X-AttrFanout-Version');
                const html = await response.text();
                if (version !== live.dataset.version) { live.dataset.version = version; live.innerHTML = html; }
              }
            } catch { /* the next tick tries again */ } finally { busy = false; }
          };
          setInterval(refresh, every);
        })();
        """;
}
