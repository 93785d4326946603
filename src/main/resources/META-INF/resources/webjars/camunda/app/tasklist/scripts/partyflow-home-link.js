/*
 * partyflow: our menu at the front of Tasklist's header (工作台, 花名册, 整改看板, 党费, 案卷查阅 … as the signed-in
 * user's roles allow), so an officer who signed in here reaches every page of ours by a click. The links come from
 * /api/menu, the same list our own pages show. Tasklist has no configuration for header links; the header is
 * re-rendered by AngularJS, so the links are put back whenever they go missing.
 *
 * Loaded as a custom script (scripts/config.js, customScripts); it registers no plugin.
 */
var links = [{id: 'menu-home', label: '工作台', href: '/'}];

function linkId(id) {
  return id === 'menu-home' ? 'pf-home-link' : 'pf-tl-' + id;
}

function addMenu() {
  var menu = document.querySelector('[cam-widget-header] nav.cam-nav ul');
  if (!menu || menu.querySelectorAll('li.pf-home-link').length === links.length) {
    return;
  }
  Array.prototype.slice.call(menu.querySelectorAll('li.pf-home-link')).forEach(function (old) {
    menu.removeChild(old);
  });
  links.slice().reverse().forEach(function (entry) {
    var item = document.createElement('li');
    item.className = 'pf-home-link';
    var link = document.createElement('a');
    link.href = entry.href;
    link.id = linkId(entry.id);
    link.textContent = entry.label;
    // Set through the DOM rather than user-styles.css, so this script is the whole of the feature.
    link.style.display = 'inline-block';
    link.style.padding = '12px 10px';
    link.style.fontWeight = entry.id === 'menu-home' ? 'bold' : 'normal';
    item.appendChild(link);
    menu.insertBefore(item, menu.firstChild);
  });
}

function loadMenu() {
  var request = new XMLHttpRequest();
  request.open('GET', '/api/menu');
  request.setRequestHeader('Accept', 'application/json');
  request.onload = function () {
    if (request.status === 200) {
      var answer = JSON.parse(request.responseText);
      if (answer.length) {
        links = answer;
        addMenu();
      }
    }
  };
  request.send();
}

new MutationObserver(addMenu).observe(document.documentElement, {childList: true, subtree: true});
addMenu();
loadMenu();
window.addEventListener('hashchange', function () {
  if (document.querySelectorAll('li.pf-home-link').length <= 1) {
    loadMenu();
  }
});

export default [];
