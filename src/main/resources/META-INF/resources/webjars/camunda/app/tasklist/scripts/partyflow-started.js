/*
 * partyflow: after 发起流程, take the officer to the new case's first task.
 *
 * Tasklist 7.24's start dialog closes on success, shows "流程已启动" and looks only for tasks already ASSIGNED to
 * the starter; our tasks go to the candidate groups of an organization's role, so the view stayed on 我的待办 with no
 * sign of the new task. This script watches the start request (POST …/process-definition/{id}/submit-form or
 * …/start) and, when it succeeds, asks GET /api/cases/{id}/next-step: when the first task is the starter's to work,
 * Tasklist opens it (#/?task=<id>); otherwise a notice names the step, the organization and the role (with the
 * people) that hold it.
 *
 * Loaded as a custom script (scripts/config.js, customScripts); it registers no plugin.
 */
var START = /\/process-definition\/[^/]+\/(submit-form|start)(\?|$)/;

function watchStarts() {
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  XMLHttpRequest.prototype.open = function(method, url) {
    this.partyflowStart = String(method).toUpperCase() === 'POST' && START.test(String(url));
    return open.apply(this, arguments);
  };
  XMLHttpRequest.prototype.send = function() {
    if (this.partyflowStart) {
      this.addEventListener('load', function() {
        if (this.status >= 200 && this.status < 300) {
          var started = parse(this.responseText);
          if (started && started.id) {
            setTimeout(function() {
              nextStep(started.id);
            }, 0);
          }
        }
      });
    }
    return send.apply(this, arguments);
  };
}

function nextStep(processInstanceId) {
  var request = new XMLHttpRequest();
  request.open('GET', '/api/cases/' + encodeURIComponent(processInstanceId) + '/next-step');
  request.setRequestHeader('Accept', 'application/json');
  request.addEventListener('load', function() {
    var answer = request.status === 200 ? parse(request.responseText) : null;
    if (!answer) {
      return;
    }
    if (answer.taskId) {
      window.location.hash = '#/?forceDisplayTask=true&task=' + encodeURIComponent(answer.taskId);
    } else if (answer.message) {
      notify(answer.message);
    }
  });
  request.send();
}

function notify(message) {
  var angular = window.angular;
  var injector = angular && angular.element(document.body).injector();
  if (injector && injector.has('Notifications')) {
    injector.get('Notifications').addMessage({
      status: '案件已发起',
      message: message,
      duration: 30000
    });
    injector.get('$rootScope').$applyAsync();
  } else {
    window.alert(message);
  }
}

function parse(text) {
  try {
    return JSON.parse(text);
  } catch (e) {
    return null;
  }
}

watchStarts();

export default [];
