// HashShift embeds: sizes every <iframe data-hashshift> of this page to its content, from the
// { type: "hashshift:height", height } messages the embedded page posts. A script loaded after
// its embeds (by a tag manager, or once the reader consents) asks them for their height again
// ({ type: "hashshift:hello" }): what they posted before it came was lost. No dependency.
(function () {
  if (window.hashshiftEmbeds) return;
  window.hashshiftEmbeds = true;
  window.addEventListener('message', function (e) {
    var d = e.data;
    if (!d || d.type !== 'hashshift:height' || typeof d.height !== 'number' || !(d.height > 0)) return;
    var frames = document.querySelectorAll('iframe[data-hashshift]');
    for (var i = 0; i < frames.length; i++) {
      var f = frames[i];
      if (f.contentWindow !== e.source) continue;
      f.style.height = Math.ceil(d.height) + 'px';
      // Tell the page it is sized by its content now: it lays itself out at its natural height.
      if (!f.hasAttribute('data-hashshift-sized')) {
        f.setAttribute('data-hashshift-sized', '');
        e.source.postMessage({ type: 'hashshift:sized' }, '*');
      }
    }
  });
  var present = document.querySelectorAll('iframe[data-hashshift]');
  for (var j = 0; j < present.length; j++) {
    if (present[j].contentWindow) present[j].contentWindow.postMessage({ type: 'hashshift:hello' }, '*');
  }
})();
