/*! Herald in-app SDK 1.0.0: shows a person's in-app messages (modal or banner) and reports opened,
 * clicked and dismissed. Plain ES2017, no dependencies, no build step.
 *
 *   <script src="https://herald.example.com/sdk/herald-inapp.js"></script>
 *   <script>
 *     Herald.inapp.init({ siteId: 'SITE_ID', token: 'TOKEN_FROM_YOUR_BACKEND',
 *                         baseUrl: 'https://herald.example.com' });
 *   </script>
 *
 * Options: onEvent(e), onError(e), openUrl(url), transport: 'poll' (default, fetch long poll) or 'sse'
 * (EventSource; the token then travels in the URL).
 *
 * The token comes from your backend (POST /v1/inapp/tokens with the App API key); it names the person.
 */
(function (root) {
  'use strict';

  var VERSION = '1.0.0';
  var STYLE_ID = 'herald-inapp-style';
  var CSS = [
    '.herald-inapp-overlay{position:fixed;inset:0;background:rgba(0,0,0,.45);display:flex;',
    'align-items:center;justify-content:center;z-index:2147483000;font:15px/1.45 system-ui,sans-serif}',
    '.herald-inapp-modal{background:#fff;color:#1d2330;border-radius:10px;max-width:420px;width:calc(100% - 32px);',
    'box-shadow:0 12px 40px rgba(0,0,0,.3);padding:22px 22px 18px;position:relative;box-sizing:border-box}',
    '.herald-inapp-banner{position:fixed;top:0;left:0;right:0;background:#1d2330;color:#fff;z-index:2147483000;',
    'display:flex;flex-wrap:wrap;align-items:center;gap:12px;padding:12px 48px 12px 16px;',
    'font:15px/1.45 system-ui,sans-serif;box-shadow:0 2px 12px rgba(0,0,0,.25);box-sizing:border-box}',
    '.herald-inapp-image{display:block;max-width:100%;max-height:200px;margin:0 auto 12px;border-radius:6px}',
    '.herald-inapp-title{margin:0 0 6px;font-size:18px;font-weight:600}',
    '.herald-inapp-banner .herald-inapp-title{font-size:15px;margin:0}',
    '.herald-inapp-text{margin:0;white-space:pre-wrap}',
    '.herald-inapp-buttons{display:flex;flex-wrap:wrap;gap:8px;margin-top:16px;justify-content:flex-end}',
    '.herald-inapp-banner .herald-inapp-buttons{margin:0}',
    '.herald-inapp-button{border:0;border-radius:6px;padding:8px 14px;font:inherit;cursor:pointer;',
    'background:#3b5bdb;color:#fff}',
    '.herald-inapp-button[data-action="dismiss"]{background:#e9ecef;color:#1d2330}',
    '.herald-inapp-close{position:absolute;top:8px;right:10px;border:0;background:none;font-size:22px;',
    'line-height:1;cursor:pointer;color:inherit;opacity:.7}'
  ].join('');

  var state = null;

  function init(options) {
    if (!options || !options.siteId || !options.token) {
      throw new Error('Herald.inapp.init needs siteId and token');
    }
    stop();
    state = {
      siteId: String(options.siteId),
      token: String(options.token),
      baseUrl: String(options.baseUrl || '').replace(/\/+$/, ''),
      onEvent: typeof options.onEvent === 'function' ? options.onEvent : null,
      onError: typeof options.onError === 'function' ? options.onError : null,
      openUrl: typeof options.openUrl === 'function' ? options.openUrl : defaultOpen,
      seen: Object.create(null),
      queue: [],
      showing: null,
      controller: null,
      stopped: false,
      backoff: 1000,
      source: null
    };
    if (options.transport === 'sse' && typeof root.EventSource === 'function') {
      stream(state);
    } else {
      poll(state);
    }
    return api;
  }

  // Server-Sent Events: EventSource sends no headers, so the site id and token go in the URL.
  function stream(s) {
    var url = s.baseUrl + '/sdk/v1/inapp/stream?site_id=' + encodeURIComponent(s.siteId) +
      '&token=' + encodeURIComponent(s.token);
    var source = new root.EventSource(url);
    s.source = source;
    source.addEventListener('message', function (e) {
      var m;
      try {
        m = JSON.parse(e.data);
      } catch (err) {
        return;
      }
      if (!s.seen[m.id]) {
        s.seen[m.id] = true;
        s.queue.push(m);
        showNext(s);
      }
    });
    source.addEventListener('error', function () {
      // The browser reconnects by itself unless the server refused the stream (401).
      if (source.readyState === 2 && !s.stopped) {
        fail(s, 'stream closed', 'the event stream was refused; check the site id and token');
      }
    });
  }

  function stop() {
    if (state) {
      state.stopped = true;
      if (state.controller) {
        state.controller.abort();
      }
      if (state.source) {
        state.source.close();
      }
      if (state.showing) {
        state.showing.remove();
      }
    }
    state = null;
  }

  function headers(s, json) {
    var h = { 'Authorization': 'Bearer ' + s.token, 'X-Herald-Site-Id': s.siteId };
    if (json) {
      h['Content-Type'] = 'application/json';
    }
    return h;
  }

  async function poll(s) {
    while (!s.stopped) {
      try {
        s.controller = typeof AbortController === 'function' ? new AbortController() : null;
        var response = await fetch(s.baseUrl + '/sdk/v1/inapp/messages?wait=25&site_id=' + encodeURIComponent(s.siteId), {
          method: 'GET',
          headers: headers(s, false),
          cache: 'no-store',
          credentials: 'omit',
          signal: s.controller ? s.controller.signal : undefined
        });
        if (response.status === 401 || response.status === 403) {
          var body = await response.json().catch(function () { return {}; });
          fail(s, 'unauthorized', body && body.meta ? body.meta.error : String(response.status));
          return;
        }
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        var data = await response.json();
        s.backoff = 1000;
        var fresh = 0;
        (data.messages || []).forEach(function (m) {
          if (!s.seen[m.id]) {
            s.seen[m.id] = true;
            s.queue.push(m);
            fresh++;
          }
        });
        showNext(s);
        if (fresh === 0 && (data.messages || []).length > 0) {
          // Only messages already shown (their "opened" is on its way): do not ask again at once.
          await sleep(1000);
        }
      } catch (e) {
        if (s.stopped) {
          return;
        }
        await sleep(s.backoff);
        s.backoff = Math.min(s.backoff * 2, 30000);
      }
    }
  }

  function fail(s, kind, detail) {
    s.stopped = true;
    if (s.onError) {
      s.onError({ kind: kind, detail: detail });
    } else if (root.console) {
      root.console.warn('Herald in-app: ' + kind + ': ' + detail);
    }
  }

  function sleep(ms) {
    return new Promise(function (resolve) { setTimeout(resolve, ms); });
  }

  function report(s, message, event, url) {
    var body = { event: event };
    if (url) {
      body.url = url;
    }
    if (s.onEvent) {
      s.onEvent({ id: message.id, event: event, url: url || null });
    }
    var path = '/sdk/v1/inapp/messages/' + encodeURIComponent(message.id) + '/events';
    // site_id in the URL too: a CORS preflight carries no header values, and the workspace's
    // allowed origins depend on it.
    return fetch(s.baseUrl + path + '?site_id=' + encodeURIComponent(s.siteId), {
      method: 'POST',
      headers: headers(s, true),
      body: JSON.stringify(body),
      credentials: 'omit',
      keepalive: true
    }).catch(function () { /* best effort: the message stays pending and is shown again */ });
  }

  function defaultOpen(url) {
    root.open(url, '_blank', 'noopener');
  }

  function ensureStyle() {
    if (!root.document.getElementById(STYLE_ID)) {
      var style = root.document.createElement('style');
      style.id = STYLE_ID;
      style.textContent = CSS;
      root.document.head.appendChild(style);
    }
  }

  function el(tag, cls, text) {
    var e = root.document.createElement(tag);
    if (cls) {
      e.className = cls;
    }
    if (text) {
      e.textContent = text;
    }
    return e;
  }

  function webUrl(url) {
    return typeof url === 'string' && /^https?:\/\//i.test(url);
  }

  function showNext(s) {
    if (s.showing || s.stopped || s.queue.length === 0) {
      return;
    }
    ensureStyle();
    var message = s.queue.shift();
    var banner = message.type === 'banner';
    var box = el('div', banner ? 'herald-inapp-banner' : 'herald-inapp-modal');
    box.setAttribute('role', banner ? 'status' : 'dialog');
    box.setAttribute('data-herald-message', message.id);
    if (!banner) {
      box.setAttribute('aria-modal', 'true');
    }
    if (!banner && webUrl(message.image_url)) {
      var img = el('img', 'herald-inapp-image');
      img.src = message.image_url;
      img.alt = '';
      box.appendChild(img);
    }
    if (message.title) {
      var title = el(banner ? 'strong' : 'h2', 'herald-inapp-title', message.title);
      box.appendChild(title);
      box.setAttribute('aria-label', message.title);
    }
    if (message.message) {
      box.appendChild(el(banner ? 'span' : 'p', 'herald-inapp-text', message.message));
    }
    var done = function (event, url) {
      if (s.showing) {
        s.showing.remove();
        s.showing = null;
      }
      report(s, message, event, url);
      if (url) {
        s.openUrl(url);
      }
      showNext(s);
    };
    var buttons = el('div', 'herald-inapp-buttons');
    (message.buttons || []).forEach(function (b) {
      var button = el('button', 'herald-inapp-button', b.label);
      button.type = 'button';
      button.setAttribute('data-action', b.action);
      button.addEventListener('click', function () {
        if (b.action === 'url' && webUrl(b.url)) {
          done('clicked', b.url);
        } else {
          done('dismissed');
        }
      });
      buttons.appendChild(button);
    });
    if (buttons.childNodes.length) {
      box.appendChild(buttons);
    }
    var close = el('button', 'herald-inapp-close', '\u00d7');
    close.type = 'button';
    close.setAttribute('aria-label', 'Close');
    close.addEventListener('click', function () { done('dismissed'); });
    box.appendChild(close);
    var shown = box;
    if (!banner) {
      shown = el('div', 'herald-inapp-overlay');
      shown.appendChild(box);
    }
    root.document.body.appendChild(shown);
    s.showing = shown;
    report(s, message, 'opened');
  }

  var api = { init: init, stop: stop, version: VERSION };
  root.Herald = root.Herald || {};
  root.Herald.inapp = api;
})(typeof window !== 'undefined' ? window : this);
