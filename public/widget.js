/* Cue website widget loader: <script src="https://<app>/widget.js" data-site="<site id>" async></script>
   Draws a themed launcher in a Shadow DOM; a click opens the assistant in an iframe on the app's origin. */
(function () {
  var s = document.currentScript || document.querySelector('script[src*="widget.js"][data-site]');
  if (!s || window.__cueWidget) return;
  window.__cueWidget = 1;
  var site = s.getAttribute('data-site') || '';
  var app = new URL(s.src, location.href).origin;
  fetch(app + '/api/widget/config/' + encodeURIComponent(site))
    .then(function (r) { return r.json(); })
    .then(function (c) {
      if (!c.ok) { console.warn('[cue widget] ' + c.error.message); return; }
      draw(c.theme);
    })
    .catch(function (e) { console.warn('[cue widget] could not load: ' + e); });

  function draw(t) {
    var host = document.createElement('div');
    host.setAttribute('data-cue-widget', site);
    var root = host.attachShadow({ mode: 'open' });
    var side = t.position === 'bottom-left' ? 'left' : 'right';
    root.innerHTML =
      '<style>:host{all:initial}' +
      '.b{position:fixed;bottom:20px;' + side + ':20px;z-index:2147483646;display:flex;align-items:center;gap:8px;border:0;border-radius:999px;padding:12px 18px;' +
      'background:' + t.color + ';color:#fff;font:600 15px/1.2 system-ui,sans-serif;box-shadow:0 6px 20px rgba(0,0,0,.25);cursor:pointer}' +
      '.b:focus-visible{outline:3px solid #fff;outline-offset:-6px}' +
      '.p{position:fixed;bottom:80px;' + side + ':20px;z-index:2147483647;width:min(380px,calc(100vw - 40px));height:min(600px,calc(100vh - 110px));' +
      'border:0;border-radius:16px;box-shadow:0 12px 40px rgba(0,0,0,.3);background:#fff;display:none}' +
      '.p.o{display:block}</style>' +
      '<button class="b" type="button" aria-expanded="false"><svg width="18" height="18" viewBox="0 0 24 24" fill="currentColor" aria-hidden="true">' +
      '<path d="M12 14a3 3 0 0 0 3-3V5a3 3 0 0 0-6 0v6a3 3 0 0 0 3 3zm5-3a5 5 0 0 1-10 0H5a7 7 0 0 0 6 6.9V21h2v-3.1a7 7 0 0 0 6-6.9z"/></svg><span></span></button>';
    var btn = root.querySelector('button');
    btn.querySelector('span').textContent = t.label;
    var frame = null;
    function toggle(open) {
      if (open && !frame) {
        frame = document.createElement('iframe');
        frame.className = 'p';
        frame.title = t.label;
        frame.setAttribute('allow', 'microphone; autoplay');
        frame.src = app + '/embed/' + encodeURIComponent(site) + '?host=' + encodeURIComponent(location.origin);
        root.appendChild(frame);
      }
      if (frame) frame.classList.toggle('o', open);
      btn.setAttribute('aria-expanded', String(open));
    }
    btn.addEventListener('click', function () { toggle(btn.getAttribute('aria-expanded') !== 'true'); });
    window.addEventListener('message', function (e) {
      if (e.origin === app && e.data && e.data.type === 'cue-widget:close') { toggle(false); btn.focus(); }
    });
    document.body.appendChild(host);
  }
})();
