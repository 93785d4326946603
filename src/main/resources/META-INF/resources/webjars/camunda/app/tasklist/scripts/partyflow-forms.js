/*
 * partyflow: Camunda Forms (form-js 1.8.7, bundled in Tasklist's lib/deps.js) for Chinese officers, whatever
 * language their browser is set to.
 *
 * 1. Dates are yyyy-MM-dd. form-js builds its datepicker format and placeholder from
 * `new Intl.DateTimeFormat('default').formatToParts(5 June 2020)` (Datepicker.js, getLocaleDateFormat), so an
 * en-US browser showed mm/dd/yyyy and read a typed 2027-01-10 as a US date (8/7/2027). That exact call, and only
 * it (a single argument 'default'), now answers year-month-day with zero-padded two-digit parts, which form-js turns
 * into flatpickr's "Y-m-d". The stored value was and stays the ISO date form-js writes.
 *
 * 2. form-js's own texts in Chinese. Its validation messages, placeholders and buttons are hard-coded English
 * (1.8.7 has no translation module); a MutationObserver rewrites the known texts inside forms and their calendars.
 * Preact only rewrites a node when its own value changes, so a translated node stays translated.
 *
 * 3. An earlier error is gone at the next submission. Tasklist's start dialog adds one error per failed attempt
 * (the task form replaces its own); clicking 发起 or 完成 now first removes the form errors already shown.
 *
 * 4. Dynamic lists leave 完成 usable. form-js records a field's messages with min-dash's
 * set(errors, [fieldId, ...rowIndexes], messages or undefined) (Form#_update and the viewer's validation commands).
 * For a field inside a dynamic list the path holds a row index, so set creates errors[fieldId] = [] and "removes" a
 * row's messages by deleting that array slot: errors[fieldId] stays behind, empty, as soon as any field of a list was
 * checked (a value loaded, typed or left). Tasklist (camunda-tasklist-bootstrap.js, the form's "changed" listener)
 * disables 完成 while Object.keys(errors).length is not 0, so 完成 stayed disabled with nothing on screen. Removing a
 * row kept its messages too, under its index, where the next row inherited them or, for the last row, nobody saw
 * them. The form's state now keeps only the fields that hold a message, and a removed row's messages go with it;
 * a real error (a required field left empty) still shows its message and keeps 完成 disabled. The patch is on
 * form-js's Form class, which Tasklist does not expose: it is taken from the page's webpack modules (module 57661
 * of camunda-webapp-webjar 7.24.0, checked for its shape; another build leaves the form as it is and the browser
 * tests of dynamic lists fail).
 *
 * Loaded as a custom script (scripts/config.js, customScripts); it registers no plugin.
 */
var NativeDateTimeFormat = Intl.DateTimeFormat;

function isoDateParts(date) {
  var pad = function(n) {
    return (n < 10 ? '0' : '') + n;
  };
  return [
    {type: 'year', value: String(date.getFullYear())},
    {type: 'literal', value: '-'},
    {type: 'month', value: pad(date.getMonth() + 1)},
    {type: 'literal', value: '-'},
    {type: 'day', value: pad(date.getDate())}
  ];
}

function PartyflowDateTimeFormat(locales, options) {
  var format = new NativeDateTimeFormat(locales, options);
  if (locales === 'default' && arguments.length === 1) {
    format.formatToParts = function(date) {
      return isoDateParts(date === undefined ? new Date() : new Date(date));
    };
  }
  return format;
}
PartyflowDateTimeFormat.prototype = NativeDateTimeFormat.prototype;
PartyflowDateTimeFormat.supportedLocalesOf = NativeDateTimeFormat.supportedLocalesOf;
Intl.DateTimeFormat = PartyflowDateTimeFormat;

var EXACT = {
  'Field is required.': '此项为必填项。',
  'Field must be a valid email.': '请填写有效的电子邮箱地址。',
  'Field must be a valid  international phone number. (e.g. +4930664040900)':
    '请填写有效的电话号码（含国际区号，如 +8613800000000）。',
  'Value is not a number.': '请填写数字。',
  'Value is expected to be an integer.': '请填写整数。',
  'Date and time must both be entered.': '日期和时间须同时填写。',
  'Select': '请选择',
  'Search': '输入文字查找',
  'Add new': '添加',
  'Collapse': '收起',
  'No results': '没有符合的选项',
  'All values selected': '已全部选择',
  'No options source defined in the form definition': '表单未定义选项',
  'Nothing to show.': '暂无内容',
  'External content couldn\'t be loaded.': '外部内容无法加载。',
  'Remove tag': '移除',
  'Increment': '加一',
  'Decrement': '减一',
  'Previous page': '上一页',
  'Next page': '下一页',
  'yyyy-mm-dd': '年-月-日，如 2027-01-10',
  'hh:mm': '时:分',
  'January': '一月',
  'February': '二月',
  'March': '三月',
  'April': '四月',
  'May': '五月',
  'June': '六月',
  'July': '七月',
  'August': '八月',
  'September': '九月',
  'October': '十月',
  'November': '十一月',
  'December': '十二月',
  'Sun': '日',
  'Mon': '一',
  'Tue': '二',
  'Wed': '三',
  'Thu': '四',
  'Fri': '五',
  'Sat': '六'
};

var PATTERNS = [
  [/^Field must have minimum length of (.+)\.$/, '至少填写 $1 个字'],
  [/^Field must have maximum length of (.+)\.$/, '最多填写 $1 个字'],
  [/^Field must have minimum value of (.+)\.$/, '不能小于 $1'],
  [/^Field must have maximum value of (.+)\.$/, '不能大于 $1'],
  [/^Field must match pattern (.+)\.$/, '格式不符合要求'],
  [/^Value is expected to have at most (\d+) decimal digits?\.$/, '最多保留 $1 位小数'],
  [/^Please select a valid value, the two nearest valid values are (.+) and (.+)\.$/,
    '请填写有效的数值，最接近的两个有效值为 $1 和 $2'],
  [/^Expand all \((\d+)\)$/, '全部展开（$1）']
];

function translate(text) {
  var trimmed = text.trim();
  if (!trimmed || !/[A-Za-z]/.test(trimmed)) {
    return null;
  }
  var chinese = EXACT[trimmed];
  for (var i = 0; chinese === undefined && i < PATTERNS.length; i++) {
    if (PATTERNS[i][0].test(trimmed)) {
      chinese = trimmed.replace(PATTERNS[i][0], PATTERNS[i][1]);
    }
  }
  return chinese === undefined ? null : text.replace(trimmed, chinese);
}

var SCOPE = '.fjs-container, .flatpickr-calendar';
var ATTRIBUTES = ['placeholder', 'title', 'aria-label'];

function inScope(node) {
  var element = node.nodeType === Node.ELEMENT_NODE ? node : node.parentElement;
  return !!(element && element.closest && element.closest(SCOPE));
}

function translateText(node) {
  var chinese = translate(node.data);
  if (chinese !== null && chinese !== node.data) {
    node.data = chinese;
  }
}

function translateAttributes(element) {
  ATTRIBUTES.forEach(function(name) {
    var value = element.getAttribute(name);
    var chinese = value && translate(value);
    if (chinese && chinese !== value) {
      element.setAttribute(name, chinese);
    }
  });
}

function translateTree(root) {
  if (root.nodeType === Node.TEXT_NODE) {
    if (inScope(root)) {
      translateText(root);
    }
    return;
  }
  if (root.nodeType !== Node.ELEMENT_NODE) {
    return;
  }
  if (!inScope(root) && !root.querySelector(SCOPE)) {
    return;
  }
  var scopes = inScope(root) ? [root] : root.querySelectorAll(SCOPE);
  Array.prototype.forEach.call(scopes, function(scope) {
    translateAttributes(scope);
    var walker = document.createTreeWalker(scope, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeType === Node.TEXT_NODE) {
        translateText(node);
      } else {
        translateAttributes(node);
      }
    }
  });
}

new MutationObserver(function(mutations) {
  mutations.forEach(function(mutation) {
    if (mutation.type === 'characterData') {
      if (inScope(mutation.target)) {
        translateText(mutation.target);
      }
    } else if (mutation.type === 'attributes') {
      if (inScope(mutation.target)) {
        translateAttributes(mutation.target);
      }
    } else {
      Array.prototype.forEach.call(mutation.addedNodes, translateTree);
    }
  });
}).observe(document.documentElement, {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: ATTRIBUTES
});

var SUBMIT = 'button[ng-click="startProcessInstance()"], button[ng-click="complete()"]';

document.addEventListener('click', function(event) {
  var button = event.target && event.target.closest && event.target.closest(SUBMIT);
  var angular = window.angular;
  var injector = button && angular && angular.element(document.body).injector();
  if (!injector || !injector.has('Notifications')) {
    return;
  }
  // As Notifications.clear does, without its $filter lookup: that deep-compares the notification's scope.
  var notifications = injector.get('Notifications');
  notifications.notifications
    .filter(function(notification) {
      return notification.type === 'danger';
    })
    .forEach(function(notification) {
      notifications.notifications.splice(notifications.notifications.indexOf(notification), 1);
      notifications.consumers.forEach(function(consumer) {
        consumer.remove(notification);
      });
    });
  injector.get('$rootScope').$applyAsync();
}, true);

var FORM_JS_MODULE = 57661;

function formJsForm() {
  var chunks = self.webpackChunkcamunda_bpm_webapp;
  var webpackRequire = null;
  if (!chunks) {
    return null;
  }
  // A chunk with a runtime function is how webpack hands out its require; the chunk itself adds no module.
  chunks.push([['partyflow-forms'], {}, function(require) {
    webpackRequire = require;
  }]);
  if (!webpackRequire || !webpackRequire.m || !webpackRequire.m[FORM_JS_MODULE]) {
    return null;
  }
  var Form = webpackRequire(FORM_JS_MODULE).Form;
  var shaped = typeof Form === 'function' && ['_setState', '_getState', '_update', 'validate']
    .every(function(name) {
      return typeof Form.prototype[name] === 'function';
    });
  return shaped ? Form : null;
}

function holdsMessage(entry) {
  if (typeof entry === 'string') {
    return entry.length > 0;
  }
  return !!entry && typeof entry === 'object' && Object.keys(entry).some(function(key) {
    return holdsMessage(entry[key]);
  });
}

function withMessagesOnly(errors) {
  return Object.keys(errors).reduce(function(kept, fieldId) {
    if (holdsMessage(errors[fieldId])) {
      kept[fieldId] = errors[fieldId];
    }
    return kept;
  }, {});
}

function valueAt(target, path) {
  return path.reduce(function(value, key) {
    return value === undefined || value === null ? undefined : value[key];
  }, target);
}

function insideList(registry, fieldId, listId) {
  var field = registry.get(fieldId);
  for (var parent = field && field._parent; parent; parent = (registry.get(parent) || {})._parent) {
    if (parent === listId) {
      return true;
    }
  }
  return false;
}

/** The row a remove button took out: the remaining rows are the same objects (or at least equal ones), in order. */
function removedRow(before, after) {
  for (var i = 0; i < after.length; i++) {
    if (before[i] !== after[i] && JSON.stringify(before[i]) !== JSON.stringify(after[i])) {
      return i;
    }
  }
  return after.length;
}

function forgetRemovedRow(form, update) {
  var instance = update.fieldInstance;
  var registry = form.get('formFieldRegistry');
  var list = instance && registry.get(instance.id);
  var state = form._getState();
  var before = list && list.type === 'dynamiclist' ? valueAt(state.data, instance.valuePath) : undefined;
  if (!Array.isArray(before) || !Array.isArray(update.value) || update.value.length !== before.length - 1) {
    return;
  }
  var row = removedRow(before, update.value);
  var listIndexes = Object.keys(instance.indexes || {}).map(function(key) {
    return instance.indexes[key];
  });
  Object.keys(state.errors || {}).forEach(function(fieldId) {
    var rows = insideList(registry, fieldId, list.id) && valueAt(state.errors, [fieldId].concat(listIndexes));
    if (Array.isArray(rows)) {
      rows.splice(row, 1);
    }
  });
}

var Form = formJsForm();
if (Form) {
  var setState = Form.prototype._setState;
  Form.prototype._setState = function(state) {
    if (state && state.errors) {
      state = Object.assign({}, state, {errors: withMessagesOnly(state.errors)});
    }
    return setState.call(this, state);
  };
  var update = Form.prototype._update;
  Form.prototype._update = function(change) {
    forgetRemovedRow(this, change);
    return update.apply(this, arguments);
  };
}

export default [];
