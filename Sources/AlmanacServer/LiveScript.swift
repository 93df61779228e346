/// The script and style the preview adds to every page it serves, as files of their own: the
/// theme's Content-Security-Policy allows scripts and styles only from the site itself
/// (`script-src 'self'`, `style-src 'self'`), and the event stream is same-origin (`connect-src 'self'`).
enum LiveScript {
    static let scriptPath = "/__almanac/live.js"
    static let stylePath = "/__almanac/live.css"
    static let eventsPath = "/__almanac/events"
    static let workerPath = "/__almanac/live-worker.js"

    /// Inserted before `</head>`; `build` tells the page which build it shows, so a rebuild between
    /// loading the page and connecting to the events is not missed.
    static func tags(build: Int) -> String {
        "<meta name=\"almanac-build\" content=\"\(build)\"><link rel=\"stylesheet\" href=\"\(stylePath)\">"
            + "<script defer src=\"\(scriptPath)\"></script>"
    }

    static let script = #"""
    // Almanac preview: reloads the page when its files change and shows build errors over it.
    // All open pages share one event stream through a shared worker: a browser opens at most six
    // connections to one server, and a stream per tab would use them up.
    (() => {
      'use strict';
      const meta = document.querySelector('meta[name=almanac-build]');
      let build = meta ? Number(meta.content) : null;
      const here = () => {
        let p = decodeURIComponent(location.pathname);
        if (p.endsWith('/index.html')) p = p.slice(0, -'index.html'.length);
        return p;
      };
      const overlay = () => document.getElementById('almanac-live-overlay');
      const hide = () => { const o = overlay(); if (o) o.remove(); };
      const show = (problems) => {
        hide();
        if (!problems || problems.length === 0) return;
        const box = document.createElement('div');
        box.id = 'almanac-live-overlay';
        box.setAttribute('role', 'alert');
        const title = document.createElement('p');
        title.className = 'almanac-live-title';
        title.textContent = problems.length === 1
          ? 'Ошибка сборки — показана последняя удачная версия сайта'
          : `Ошибок сборки: ${problems.length} — показана последняя удачная версия сайта`;
        box.append(title);
        const list = document.createElement('ol');
        for (const p of problems) {
          const item = document.createElement('li');
          const where = document.createElement('code');
          where.className = 'almanac-live-where';
          where.textContent = p.file + (p.line > 0 ? ':' + p.line : '') + (p.line > 0 && p.column > 0 ? ':' + p.column : '');
          const message = document.createElement('span');
          message.className = 'almanac-live-message';
          message.textContent = ' ' + p.message;
          item.append(where, message);
          if (p.hint) {
            const hint = document.createElement('span');
            hint.className = 'almanac-live-hint';
            hint.textContent = p.hint;
            item.append(hint);
          }
          list.append(item);
        }
        box.append(list);
        const close = document.createElement('button');
        close.type = 'button';
        close.className = 'almanac-live-close';
        close.textContent = 'Скрыть';
        close.addEventListener('click', hide);
        box.append(close);
        document.body.append(box);
      };
      const handle = (event, d) => {
        if (event === 'hello') {
          // The server restarted, or rebuilt between this page's load and now.
          if (build !== null && d.build !== build) { location.reload(); return; }
          build = d.build;
          document.documentElement.dataset.almanacLive = 'connected';  // for tests and the curious
          show(d.problems);
        } else if (event === 'reload') {
          build = d.build;
          if (!d.pages || d.pages.includes(here())) { location.reload(); } else { hide(); }
        } else if (event === 'problems') {
          show(d.problems);
        }
      };
      if (typeof SharedWorker === 'function') {
        const worker = new SharedWorker('/__almanac/live-worker.js', { name: 'almanac-live' });
        worker.port.onmessage = (e) => handle(e.data.event, e.data.data);
        worker.port.start();
        addEventListener('pagehide', () => worker.port.postMessage('bye'));
      } else {
        const events = new EventSource('/__almanac/events');
        for (const name of ['hello', 'reload', 'problems']) {
          events.addEventListener(name, (e) => handle(name, JSON.parse(e.data)));
        }
      }
    })();
    """#

    /// The one event stream for every open page; tells each page that connects where things stand.
    static let worker = #"""
    'use strict';
    const ports = new Set();
    let state = null;
    const events = new EventSource('/__almanac/events');
    for (const name of ['hello', 'reload', 'problems']) {
      events.addEventListener(name, (e) => {
        const data = JSON.parse(e.data);
        state = name === 'problems' ? { build: data.build, problems: data.problems }
          : name === 'reload' ? { build: data.build, problems: [] } : data;
        for (const port of ports) port.postMessage({ event: name, data });
      });
    }
    onconnect = (e) => {
      const port = e.ports[0];
      ports.add(port);
      port.onmessage = (m) => { if (m.data === 'bye') ports.delete(port); };
      port.start();
      if (state) port.postMessage({ event: 'hello', data: state });
    };
    """#

    static let style = """
    #almanac-live-overlay {
      position: fixed; inset: 1rem 1rem auto 1rem; z-index: 2147483647; max-height: 70vh; overflow: auto;
      background: #fff5f5; color: #3b0a0a; border: 2px solid #c62828; border-radius: 8px;
      box-shadow: 0 8px 30px rgba(0, 0, 0, .25); padding: 1rem 1.25rem; font: 15px/1.45 system-ui, sans-serif;
    }
    #almanac-live-overlay .almanac-live-title { margin: 0 0 .5rem; font-weight: 700; color: #b71c1c; }
    #almanac-live-overlay ol { margin: 0; padding-left: 1.25rem; }
    #almanac-live-overlay li { margin: .35rem 0; }
    #almanac-live-overlay .almanac-live-where { font: 600 14px/1.4 ui-monospace, monospace; }
    #almanac-live-overlay .almanac-live-hint { display: block; color: #5d4037; font-style: italic; }
    #almanac-live-overlay .almanac-live-close {
      position: absolute; top: .5rem; right: .75rem; font: inherit; background: none; border: 1px solid #c62828;
      border-radius: 4px; color: #b71c1c; cursor: pointer; padding: .1rem .6rem;
    }
    @media (prefers-color-scheme: dark) {
      #almanac-live-overlay { background: #2b0d0d; color: #ffdede; }
      #almanac-live-overlay .almanac-live-title, #almanac-live-overlay .almanac-live-close { color: #ff8a80; }
      #almanac-live-overlay .almanac-live-hint { color: #ffccbc; }
    }
    """
}
