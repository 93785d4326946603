/*
 * partyflow: two small corrections to Tasklist's defaults for our officers.
 *
 * 1. Relative dates ("2 天后", "1 天前") in the language Tasklist shows.
 * Tasklist loads the chosen locale (zh) and the fallback locale (en) in parallel, and each loaded file
 * re-registers its moment.js "dateLocales"; moment then uses whichever file arrived last, so a Chinese page
 * sometimes showed "in 2 days". After every translation load and language change this script sets moment
 * back to the language angular-translate uses, through angular-moment so that shown dates re-render.
 *
 * 2. The task list opens sorted by due date. Our filters already order by due date (their query comes first
 * in the engine's ordering), but Tasklist's sort control defaulted to "创建于 降序" and so named an order that
 * was not the one shown. When the list opens without a chosen order, or with Tasklist's own default on the
 * first view after loading, the control is set to 到期日期 升序. An order the officer picks later is kept.
 *
 * Loaded as a custom script (scripts/config.js, customScripts); it registers no plugin.
 */
function watchWhenReady(attempt) {
  var angular = window.angular;
  var injector = angular && angular.element(document.body).injector();
  if (!injector || !injector.has('amMoment') || !injector.has('$translate')) {
    if (attempt < 600) {
      setTimeout(function() {
        watchWhenReady(attempt + 1);
      }, 100);
    }
    return;
  }
  var $rootScope = injector.get('$rootScope');
  var $translate = injector.get('$translate');
  var amMoment = injector.get('amMoment');
  var moment = injector.get('moment');
  var $location = injector.get('$location');

  function apply() {
    var language = $translate.use() || $translate.proposedLanguage();
    if (language && moment.locales().indexOf(language) > -1 && moment.locale() !== language) {
      amMoment.changeLocale(language);
      $rootScope.$applyAsync();
    }
  }

  var firstListView = true;

  function sortByDueDate() {
    if ($location.path() !== '/') {
      return;
    }
    var sorting = parse($location.search().sorting);
    var tasklistDefault =
      sorting && sorting.length === 1 && sorting[0].sortBy === 'created' && sorting[0].sortOrder === 'desc';
    if (!sorting || (firstListView && tasklistDefault)) {
      $location.search('sorting', JSON.stringify([{sortBy: 'dueDate', sortOrder: 'asc'}])).replace();
      $rootScope.$applyAsync();
    }
    firstListView = false;
  }

  $rootScope.$on('$locationChangeSuccess', sortByDueDate);
  sortByDueDate();

  [
    '$translateLoadingEnd',
    '$translateChangeEnd',
    '$translateRefreshEnd',
    '$routeChangeSuccess'
  ].forEach(function(event) {
    $rootScope.$on(event, function() {
      setTimeout(apply, 0);
    });
  });
  apply();
}

function parse(text) {
  try {
    var value = JSON.parse(text);
    return Array.isArray(value) && value.length ? value : null;
  } catch (e) {
    return null;
  }
}

watchWhenReady(0);

export default [];
