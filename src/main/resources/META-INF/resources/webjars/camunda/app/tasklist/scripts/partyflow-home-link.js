/*
 * partyflow: a link 工作台 (our home page, /) as the first entry of Tasklist's header menu, so an officer who
 * signed in here finds the way to the home page, the roster and the dashboards. Tasklist has no configuration
 * for header links; the header is re-rendered by AngularJS, so the link is put back whenever it goes missing.
 *
 * Loaded as a custom script (scripts/config.js, customScripts); it registers no plugin.
 */
var HOME = '/';

function addHomeLink() {
  var menu = document.querySelector('[cam-widget-header] nav.cam-nav ul');
  if (!menu || menu.querySelector('li.pf-home-link')) {
    return;
  }
  var item = document.createElement('li');
  item.className = 'pf-home-link';
  var link = document.createElement('a');
  link.href = HOME;
  link.id = 'pf-home-link';
  link.textContent = '工作台';
  // Set through the DOM rather than user-styles.css, so this script is the whole of the feature.
  link.style.display = 'inline-block';
  link.style.padding = '12px 10px';
  link.style.fontWeight = 'bold';
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

new MutationObserver(addHomeLink).observe(document.documentElement, {childList: true, subtree: true});
addHomeLink();

export default [];
