/** 换届 in the browser: the terms of the organizations in scope, the start of a request and a case's records. */
package cn.partyflow.reelection.web;
