// What survives a page reload, in sessionStorage (this tab only, gone when the tab closes): the resume token, the
// chosen language and whether emergency guidance was shown. Never message contents: after a reload the
// conversation is replayed from the server; unsent messages live only in memory.
const KEY = 'ikkuna.session';

function read() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || '{}') || {};
  } catch (e) {
    return {};
  }
}

function write(value) {
  try {
    sessionStorage.setItem(KEY, JSON.stringify(value));
  } catch (e) { /* storage disabled: the conversation just does not survive a reload */ }
}

export const session = {
  get: () => read(),
  set: (patch) => write(Object.assign(read(), patch)),
  clearConversation: () => {
    const { lang } = read();
    write(lang ? { lang } : {});
  }
};
