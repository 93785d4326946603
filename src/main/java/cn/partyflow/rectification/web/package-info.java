/**
 * The pages and APIs of 巡察整改: the managers' dashboard with its XLSX export, the evidence page linked from the
 * item tasks, the 问题清单 import and the approved deadline change. Every request is limited to the organizations
 * the user may see ({@link cn.partyflow.organization.AccessScope}).
 */
package cn.partyflow.rectification.web;
