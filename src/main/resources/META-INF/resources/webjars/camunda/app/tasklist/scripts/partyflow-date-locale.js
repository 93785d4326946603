/*
 * partyflow: keeps relative dates ("2 天后", "1 天前") in the language Tasklist shows.
 *
 * Tasklist loads the chosen locale (zh) and the fallback locale (en) in parallel, and each loaded file
 * re-registers its moment.js "dateLocales"; moment then uses whichever file arrived last, so a Chinese page
 * sometimes showed "in 2 days". After every translation load and language change this script sets moment
 * back to the language angular-translate uses, through angular-moment so that shown dates re-render.
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

  function apply() {
    var language = $translate.use() || $translate.proposedLanguage();
    if (language && moment.locales().indexOf(language) > -1 && moment.locale() !== language) {
      amMoment.changeLocale(language);
      $rootScope.$applyAsync();
    }
  }

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

watchWhenReady(0);

export default [];
