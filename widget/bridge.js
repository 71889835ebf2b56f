// postMessage with the host page that embeds the widget. The host origin comes from the loader (?parent=) and is
// checked against the real embedding origin where the browser tells it; frame-ancestors already limits who embeds.
const params = new URLSearchParams(location.search);

function hostOrigin() {
  const claimed = params.get('parent');
  if (!claimed || window.parent === window) return null;
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length && ancestors[0] !== claimed) return null;
  return claimed;
}

const origin = hostOrigin();

export function embedded() {
  return origin !== null;
}

export function toHost(type, extra = {}) {
  if (origin) window.parent.postMessage(Object.assign({ ikkuna: 1, type }, extra), origin);
}

export function onHost(handler) {
  window.addEventListener('message', (event) => {
    if (!origin || event.source !== window.parent || event.origin !== origin) return;
    if (event.data && event.data.ikkuna === 1) handler(event.data);
  });
}
