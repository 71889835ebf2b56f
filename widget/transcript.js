// The transcript is built and downloaded in the browser (a Blob): it never travels anywhere.
export function transcriptText({ title, started, lines }) {
  const out = [title, started, ''];
  for (const l of lines) out.push(`[${l.time}] ${l.who}:`, l.text, '');
  return out.join('\n');
}

export function download(filename, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'text/plain;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  a.hidden = true;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
}
