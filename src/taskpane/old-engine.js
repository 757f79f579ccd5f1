// The taskpane's start, in ES5 so that every engine Office has used can parse it: Office 2016 and
// 2019 render add-ins with Internet Explorer 11 or EdgeHTML, which cannot parse the bundle (a blank
// pane). There this script explains, in Vietnamese, that the web app at the server's own address
// does everything the pane does, and loads nothing else. Elsewhere it loads the bundles named in its
// data-bundle attribute, in order. The text is a copy of src/text/office-support.ts (oldEngine*):
// this file is not bundled, it cannot import it; tests/taskpane/old-engine.test.ts keeps them equal.
(function () {
  var me = document.getElementById('cds-start');
  var bundles = ((me && me.getAttribute('data-bundle')) || '').split(' ');
  var ua = window.navigator.userAgent || '';
  var modern = typeof Promise === 'function' && typeof Symbol === 'function' && typeof Object.assign === 'function'
    && typeof window.fetch === 'function' && !document.documentMode && !/\bEdge\/\d/.test(ua) && !/Trident\//.test(ua);
  var i;
  if (modern) {
    for (i = 0; i < bundles.length; i++) {
      if (!bundles[i]) continue;
      var script = document.createElement('script');
      script.src = bundles[i];
      script.async = false; // in order: the vendor chunk before the taskpane's
      document.body.appendChild(script);
    }
    return;
  }
  var TITLE = 'Office này không chạy được phần bổ trợ';
  var BODY = 'Phiên bản Office trên máy này dùng trình duyệt nhúng cũ (Internet Explorer hoặc Edge cũ) nên không hiển thị được ngăn báo cáo. Bạn vẫn báo cáo, ký duyệt và tổng hợp được đầy đủ trên trình duyệt (Chrome, Edge, Cốc Cốc, Firefox) tại địa chỉ:';
  var address = window.location.protocol + '//' + window.location.host + '/';
  var root = document.getElementById('root') || document.body;
  root.innerHTML = '';
  var main = document.createElement('main');
  main.style.fontFamily = 'Segoe UI, Arial, sans-serif';
  main.style.padding = '16px';
  var h1 = document.createElement('h1');
  h1.style.fontSize = '18px';
  h1.appendChild(document.createTextNode(TITLE));
  var p = document.createElement('p');
  p.appendChild(document.createTextNode(BODY));
  var link = document.createElement('a');
  link.href = address;
  link.target = '_blank';
  link.appendChild(document.createTextNode(address));
  var line = document.createElement('p');
  line.style.fontSize = '16px';
  line.appendChild(link);
  main.appendChild(h1);
  main.appendChild(p);
  main.appendChild(line);
  root.appendChild(main);
})();
