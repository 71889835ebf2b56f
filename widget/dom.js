// Every text goes in through textContent: nothing a resident, a professional or the server writes becomes markup.
export function el(tag, { cls, text, lang, attrs } = {}, ...children) {
  const node = document.createElement(tag);
  if (cls) node.className = cls;
  if (text != null) node.textContent = text;
  if (lang) node.lang = lang;
  if (attrs) for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c) node.appendChild(c);
  return node;
}

export function $(id) {
  return document.getElementById(id);
}

export function setText(id, text) {
  $(id).textContent = text || '';
}

export function show(id, visible) {
  $(id).hidden = !visible;
}
