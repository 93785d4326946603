/*
 * partyflow: where a login on this page leads, and the way home from it.
 *
 * Camunda's Welcome app ends every login on its own page (applications, profile and every group of the user, 20,000
 * for a province's 书记), but a user's work starts on 工作台. So a login made here goes on to the page the visitor had
 * asked for (our pages send an anonymous visitor here with ?next=<path>) or else to 工作台. The Welcome page itself
 * stays for whoever asked for it: a signed-in user opening it (Tasklist's 个人信息, to change the password) or a link
 * to #!/welcome; its header then leads to 工作台. Only that one link: the page lists Camunda's apps and our pages
 * itself, and the whole menu would not fit the header.
 *
 * Loaded as a custom script (scripts/config.js, customScripts), before the app routes; it registers no plugin.
 */
var LOGIN = '#!/login';

/** A path of this site only: a foreign address in ?next= would turn the login page into a forwarder. */
function target() {
  var next = new URLSearchParams(window.location.search).get('next');
  return next && /^\/(?![\/\\])/.test(next) && !/[\u0000-\u001f]/.test(next) ? next : null;
}

var next = target();
var askedForWelcome = window.location.hash.indexOf('#!/welcome') === 0;
var signingIn = false;

function land() {
  if (window.location.hash.indexOf(LOGIN) === 0) {
    signingIn = true;
  } else if (signingIn && (next || !askedForWelcome)) {
    signingIn = false;
    window.location.replace(next || '/');
  }
}

/** 工作台 at the front of the header once signed in; AngularJS re-renders the header, so it is put back. */
function homeLink() {
  var menu = document.querySelector('[cam-widget-header] nav.cam-nav ul');
  var signedIn = document.querySelector('[cam-widget-header] li.account');
  var present = document.getElementById('pf-home-link');
  if (!menu || !signedIn === !present) {
    return;
  }
  if (present) {
    present.parentNode.parentNode.removeChild(present.parentNode);
    return;
  }
  var item = document.createElement('li');
  item.className = 'pf-home-link';
  var link = document.createElement('a');
  link.href = '/';
  link.id = 'pf-home-link';
  link.textContent = '工作台';
  // Set through the DOM rather than user-styles.css, as Tasklist's partyflow-home-link.js does.
  link.style.display = 'inline-block';
  link.style.padding = '12px 10px';
  link.style.fontWeight = 'bold';
  item.appendChild(link);
  menu.insertBefore(item, menu.firstChild);
}

/** The login page's browser title says 用户登录, as its heading does (styles/user-styles.css), not the app's name. */
function loginTitle() {
  if (window.location.hash.indexOf(LOGIN) === 0 && / 个人信息$/.test(document.title)) {
    document.title = document.title.replace(/ 个人信息$/, ' 用户登录');
  } else if (window.location.hash.indexOf(LOGIN) !== 0 && / 用户登录$/.test(document.title)) {
    document.title = document.title.replace(/ 用户登录$/, ' 个人信息');
  }
}

window.addEventListener('hashchange', land);
land();
new MutationObserver(function () {
  homeLink();
  loginTitle();
}).observe(document.documentElement, {childList: true, subtree: true, characterData: true});

export default [];
