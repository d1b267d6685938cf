// Signaal's web chat. Plain JavaScript, no framework, nothing loaded from
// anywhere else. The conversation's token lives in this script's memory
// only: no cookie, no storage, so closing the tab ends it. Every word
// shown comes from the server: the page's own from the configuration in
// the page, the conversation's from the API.
'use strict';

(function () {
  const cfg = JSON.parse(document.getElementById('config').textContent);
  const $ = (id) => document.getElementById(id);
  const app = $('app');
  const log = $('log');
  const optionsEl = $('options');
  const form = $('composer');
  const field = $('text');
  const sendBtn = $('send');
  const exitBtn = $('exit');

  let lang = cfg.lang;
  let token = null; // the conversation: in memory only
  let seq = 0; // numbers this conversation's messages, so a retry is known
  let busy = false;
  let gone = false;
  let shown = []; // the options on screen

  const t = (key) => (cfg.texts[lang] || cfg.texts[cfg.langs[0]])[key];

  // The page's own words follow the language of the conversation.
  function setLang(l) {
    if (!l || !cfg.texts[l] || l === lang) return;
    lang = l;
    document.documentElement.lang = l;
    document.title = t('title');
    $('brand').textContent = t('bot');
    exitBtn.textContent = t('exit');
    $('about-text').textContent = t('about');
    $('exit-hint').textContent = t('exitHint');
    log.setAttribute('aria-label', t('log'));
    optionsEl.setAttribute('aria-label', t('answers'));
    $('text-label').textContent = t('input');
    field.placeholder = t('input');
    sendBtn.textContent = t('send');
  }

  // The quick exit. The screen is emptied at once, the server is asked
  // to wipe the conversation without waiting for its answer (keepalive:
  // the request outlives the page), and the page is replaced, so that
  // the back button does not lead here again. In a partner's frame the
  // whole window leaves, not only the frame.
  function leave(wiped) {
    if (gone) return;
    gone = true;
    const tok = wiped ? null : token;
    token = null;
    document.body.replaceChildren();
    document.title = '';
    if (tok) {
      try {
        fetch(cfg.api + 'conversation', {
          method: 'DELETE',
          headers: { Authorization: 'Bearer ' + tok },
          keepalive: true,
          credentials: 'omit',
          cache: 'no-store',
          referrerPolicy: 'no-referrer',
        }).catch(() => {});
      } catch (e) {
        // Leaving goes on whatever happens to the request.
      }
    }
    try {
      if (window.top !== window.self) {
        window.top.location.replace(cfg.exit);
        return;
      }
    } catch (e) {
      // A frame that may not navigate the window replaces itself.
    }
    window.location.replace(cfg.exit);
  }

  document.addEventListener('keydown', (e) => {
    if ((e.key === 'Escape' || e.key === 'Esc') && !e.isComposing) {
      e.preventDefault();
      leave(false);
    }
  });
  exitBtn.addEventListener('click', () => leave(false));

  // Numbers and addresses of the contacts, exactly as the content writes
  // them, become links; nothing else does.
  function linkify(text, into) {
    let rest = text;
    while (rest) {
      let at = -1;
      let found = null;
      for (const l of cfg.links) {
        let i = rest.indexOf(l.text);
        while (i >= 0 && !bounded(rest, i, l.text.length)) i = rest.indexOf(l.text, i + 1);
        if (i >= 0 && (at < 0 || i < at)) {
          at = i;
          found = l;
        }
      }
      if (!found) {
        into.append(rest);
        return;
      }
      into.append(rest.slice(0, at));
      const a = document.createElement('a');
      a.href = found.href;
      a.textContent = found.text;
      if (found.href.startsWith('https:')) {
        a.target = '_blank';
        a.rel = 'noopener noreferrer';
      }
      into.append(a);
      rest = rest.slice(at + found.text.length);
    }
  }

  // bounded reports whether s[i, i+n) stands alone: not part of a longer
  // number, word or address.
  function bounded(s, i, n) {
    const before = i > 0 ? s[i - 1] : ' ';
    const after = i + n < s.length ? s[i + n] : ' ';
    return !/[\p{L}\p{N}@/._-]/u.test(before) && !/[\p{L}\p{N}/_-]/u.test(after);
  }

  function addMessage(who, text) {
    const li = document.createElement('li');
    li.className = 'msg ' + who;
    const sr = document.createElement('span');
    sr.className = 'sr-only';
    sr.textContent = t(who === 'bot' ? 'bot' : 'you') + ': ';
    const body = document.createElement('span');
    if (who === 'bot') linkify(text, body);
    else body.textContent = text;
    li.append(sr, body);
    log.append(li);
    return li;
  }

  function showOptions(opts) {
    shown = opts;
    optionsEl.replaceChildren();
    for (const o of opts) {
      // The bar's button is the quick exit, always on screen.
      if (o.id === '!exit') continue;
      const b = document.createElement('button');
      b.type = 'button';
      b.className = o.id === '!sos' ? 'option sos' : 'option';
      b.dataset.option = o.id;
      b.textContent = o.label;
      b.disabled = busy;
      // An option is pressed by its id; the page's own "start again"
      // types /start, as the line above it says.
      b.addEventListener('click', () => send(o.text ? { text: o.text } : { option: o.id }, o.label));
      optionsEl.append(b);
    }
  }

  // render shows replies, and the options of the last one that has any.
  // keep leaves the options on screen when the replies bring none (the
  // safety card), so that the person can try again. quiet leaves the
  // focus where it is, as on opening the page.
  function render(replies, keep, quiet) {
    let opts = null;
    let first = null;
    for (const r of replies) {
      const li = addMessage('bot', r.text);
      first = first || li;
      if (r.options && r.options.length) opts = r.options;
    }
    showOptions(opts || (keep ? shown : []));
    // The answer is read from its top: scroll to it, or as far as the
    // conversation goes when it fits.
    if (first) log.scrollTop = Math.min(first.offsetTop - 8, log.scrollHeight - log.clientHeight);
    if (quiet) return;
    // Keyboard users go on from the first answer when the button they
    // pressed is gone.
    if (!document.activeElement || document.activeElement === document.body || !document.activeElement.isConnected) {
      const b = optionsEl.querySelector('button');
      (b || field).focus({ preventScroll: true });
    }
  }

  function setBusy(on) {
    busy = on;
    log.setAttribute('aria-busy', on ? 'true' : 'false');
    sendBtn.disabled = on;
    for (const b of optionsEl.querySelectorAll('button')) b.disabled = on;
  }

  async function call(method, path, body, tok) {
    const headers = { 'Content-Type': 'application/json' };
    if (tok) headers.Authorization = 'Bearer ' + tok;
    const res = await fetch(cfg.api + path, {
      method,
      headers,
      body: JSON.stringify(body),
      credentials: 'omit',
      cache: 'no-store',
      referrerPolicy: 'no-referrer',
      redirect: 'error',
    });
    let data = null;
    try {
      data = await res.json();
    } catch (e) {
      data = null;
    }
    return { status: res.status, data };
  }

  // post sends a message, and once more with the same id when the
  // network failed on the way: the server recognises it and answers
  // with where the conversation is.
  async function post(input) {
    const msg = Object.assign({ id: String(++seq), lang }, input);
    try {
      return await call('POST', 'messages', msg, token);
    } catch (e) {
      return await call('POST', 'messages', msg, token);
    }
  }

  // send is one thing the person did. The first one begins the
  // conversation: nothing is stored before it, not even the welcome.
  async function send(input, echo) {
    if (busy || gone) return;
    setBusy(true);
    if (echo) addMessage('me', echo);
    let res = null;
    try {
      if (!token && input.text !== undefined) {
        res = await call('POST', 'conversations', { lang, text: input.text });
      } else {
        if (!token) {
          res = await call('POST', 'conversations', { lang });
          if (res.status === 201 && res.data && res.data.token) {
            token = res.data.token;
            seq = 0;
            setLang(res.data.lang);
            res = null;
          }
        }
        if (token) res = await post(input);
      }
    } catch (e) {
      res = null;
    }
    // The answers can take the focus only once they can be pressed.
    setBusy(false);
    if (res) answered(res);
    else render([cfg.safety[lang]], true);
  }

  function answered(res) {
    const d = res.data;
    if (res.status === 401) {
      // The conversation is not known here any more (the server
      // restarted): begin again, kindly.
      token = null;
      addMessage('bot', t('reset'));
      render(cfg.welcome[lang]);
      return;
    }
    if (!d || !Array.isArray(d.replies)) {
      render([cfg.safety[lang]], true);
      return;
    }
    if (res.status >= 400) {
      render(d.replies, true); // refused for a flood: the safety card
      return;
    }
    if (d.token) {
      token = d.token;
      seq = 0;
    }
    setLang(d.lang);
    if (d.forget) {
      token = null;
      if (!d.keep_line) {
        leave(true);
        return;
      }
      // Only the line that says how to come back stays on screen.
      log.replaceChildren();
      render(d.replies);
      showOptions([{ id: '', label: t('restart'), text: '/start' }]);
      return;
    }
    render(d.replies, d.degraded);
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = field.value.trim();
    if (!text || busy || gone) return;
    field.value = '';
    send({ text }, text);
  });

  render(cfg.welcome[lang], false, true);
  app.classList.add('ready');
})();
