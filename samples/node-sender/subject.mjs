// How AttrFanout maps an event name to its ingress subject: '/' separates subject tokens, '.' is written '_2E' and
// '_' is written '_5F', so every event name has exactly one subject ('shop/order.placed' -> 'attrfanout.events.shop.order_2Eplaced').

const segment = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

export function isValidEventName(name) {
  return typeof name === 'string' && name.length > 0 && name.length <= 128 && name.split('/').every((s) => segment.test(s));
}

export function ingressSubject(prefix, eventName) {
  if (!isValidEventName(eventName)) {
    throw new Error(`'${eventName}' is not a valid event name: segments separated by '/', each starting with a letter or digit and continuing with letters, digits, '.', '-' or '_', at most 128 characters`);
  }

  const tokens = eventName.replaceAll('_', '_5F').replaceAll('.', '_2E').replaceAll('/', '.');
  return `${prefix}.events.${tokens}`;
}
