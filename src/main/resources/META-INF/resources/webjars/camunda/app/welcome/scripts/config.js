/*
 * Copyright Camunda Services GmbH and/or licensed to Camunda Services GmbH
 * under one or more contributor license agreements. See the NOTICE file
 * distributed with this work for additional information regarding copyright
 * ownership. Camunda licenses this file to you under the Apache License,
 * Version 2.0; you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *     http://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

export default {
  // partyflow overlay: replaces the shipped app/welcome/scripts/config.js of
  // camunda-webapp-webjar 7.24.0 (the shipped comments are kept below).
  // Header and <title> show "<vendor> <name>"; the login page shows <name> (styles/user-styles.css puts 用户登录 in
  // its place there). Signed in, this app is the user's profile, which Tasklist's account menu calls 个人信息; 首页 would
  // read as a second home beside 工作台.
  app: {
    name: '个人信息',
    vendor: '党务流程平台 partyflow'
  },
  // Simplified Chinese (locales/zh.json, which has every key of the English
  // file) in every browser language: officers whose browser was never set to
  // Chinese would otherwise get English buttons and error headings.
  locales: {
    availableLocales: ['zh'],
    fallbackLocale: 'zh'
  },
  // A login here goes on to the page asked for or to 工作台; the header leads to 工作台 (see the script's header).
  customScripts: ['scripts/partyflow-landing'],
  // Our pages on the welcome page: 工作台 only. Its menu holds the pages the user may open (花名册 not for
  // everybody); a fixed list here would offer them to every user. Not empty: without links the page shows Camunda's.
  links: [
    {
      label: '工作台',
      href: '/',
      description: '我的待办、本组织的发展党员、党费、整改和案卷概况'
    }
  ],
  // moment.js formats; numeric dates are unambiguous in both zh and en.
  dateFormat: {
    monthName: 'MMMM',
    day: 'DD',
    abbr: 'YYYY-MM-DD HH:mm',
    normal: 'YYYY-MM-DD HH:mm',
    long: 'YYYY-MM-DD HH:mm:ss dddd',
    short: 'YYYY-MM-DD'
  },

  // app: {
  //   name: 'Todos',
  //   vendor: 'Company'
  // },
  // customScripts: [
  //   // If you have a folder called 'my-custom-script' (in the 'welcome' folder)
  //   // with a file called 'customScript.js' in it
  //   // 'my-custom-script/customScript'
  // ],
  // requireJsConfig: {
  //   // AngularJS module names
  //   ngDeps: ['ui.bootstrap'],
  //   // RequireJS configuration for a complete configuration documentation see:
  //   // http://requirejs.org/docs/api.html#config
  //   deps: ['jquery', 'custom-ui'],
  //   paths: {
  //     // if you have a folder called `custom-ui` (in the `scripts` folder)
  //     // with a file called `scripts.js` in it and defining the `custom-ui` AMD module
  //     'custom-ui': 'custom-ui/scripts'
  //   }
  // },
  // configure the date format
  // "dateFormat": {
  //   "normal": "LLL",
  //   "long":   "LLLL"
  // },
  //
  // "locales": {
  //    "availableLocales": ["en", "de"],
  //    "fallbackLocale": "en"
  //  },
  // links: [
  //   {
  //     label: 'Angular.js Docs',
  //     href: 'https://code.angularjs.org/1.2.16/docs',
  //     description: 'Almost interesting'
  //   },
  //   {
  //     label: 'XKCD',
  //     href: 'http://xkcd.org',
  //     description: 'Nerdy comic'
  //   },
  //   {
  //     label: 'Slashdot',
  //     href: 'https://slashdot.org',
  //     description: 'News for nerds, stuff that matter'
  //   }
  // ],
  // csrfCookieName: 'XSRF-TOKEN',
  // disableWelcomeMessage: false
};
