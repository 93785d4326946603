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

export default [];
