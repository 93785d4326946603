/*
 * The case page's process diagram (audit/case.html): opens at the modeler's own scale (100 %, where its 12 px labels
 * read) scrolled so that the current position is in the middle of the box, with buttons to zoom in and out, fit the
 * width and go back to the current position, Ctrl + wheel to zoom and the mouse to pan. A static file because the
 * page's Content-Security-Policy allows no inline script; without it the box still scrolls at 100 %.
 */
(function () {
  'use strict';

  var STEP = 1.25;
  var MIN = 0.1;
  var MAX = 3;

  function init(box) {
    var svg = box.querySelector('svg.pf-diagram');
    if (!svg) {
      return;
    }
    var view = svg.viewBox.baseVal;
    var width = view.width;
    var height = view.height;
    var scale = 1;
    var label = document.getElementById('diagram-scale');

    function apply(next, cx, cy) {
      var keepX = (box.scrollLeft + cx) / scale;
      var keepY = (box.scrollTop + cy) / scale;
      scale = Math.min(MAX, Math.max(MIN, next));
      svg.setAttribute('width', String(Math.round(width * scale)));
      svg.setAttribute('height', String(Math.round(height * scale)));
      box.scrollLeft = keepX * scale - cx;
      box.scrollTop = keepY * scale - cy;
      box.setAttribute('data-scale', scale.toFixed(3));
      if (label) {
        label.textContent = Math.round(scale * 100) + '%';
      }
    }

    function zoom(factor) {
      apply(scale * factor, box.clientWidth / 2, box.clientHeight / 2);
    }

    function focus() {
      var id = svg.getAttribute('data-focus');
      var target = id ? svg.querySelector('[data-element-id="' + id.replace(/"/g, '') + '"]') : null;
      if (!target) {
        return;
      }
      var b = target.getBBox();
      box.scrollLeft = (b.x - view.x + b.width / 2) * scale - box.clientWidth / 2;
      box.scrollTop = (b.y - view.y + b.height / 2) * scale - box.clientHeight / 2;
    }

    var actions = {
      'in': function () { zoom(STEP); },
      'out': function () { zoom(1 / STEP); },
      'fit': function () { apply(box.clientWidth / width, 0, 0); focus(); },
      'reset': function () { apply(1, 0, 0); focus(); },
      'focus': focus
    };
    document.querySelectorAll('[data-diagram]').forEach(function (button) {
      button.addEventListener('click', function () {
        actions[button.getAttribute('data-diagram')]();
      });
    });

    box.addEventListener('wheel', function (e) {
      if (!e.ctrlKey) {
        return;
      }
      e.preventDefault();
      var r = box.getBoundingClientRect();
      apply(scale * (e.deltaY < 0 ? STEP : 1 / STEP), e.clientX - r.left, e.clientY - r.top);
    }, { passive: false });

    var drag = null;
    box.addEventListener('pointerdown', function (e) {
      if (e.button !== 0) {
        return;
      }
      drag = { x: e.clientX, y: e.clientY, left: box.scrollLeft, top: box.scrollTop };
      box.classList.add('dragging');
    });
    window.addEventListener('pointermove', function (e) {
      if (drag) {
        box.scrollLeft = drag.left - (e.clientX - drag.x);
        box.scrollTop = drag.top - (e.clientY - drag.y);
      }
    });
    window.addEventListener('pointerup', function () {
      drag = null;
      box.classList.remove('dragging');
    });

    apply(1, 0, 0);
    focus();
    box.setAttribute('data-ready', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    var box = document.getElementById('diagram');
    if (box) {
      init(box);
    }
  });
}());
