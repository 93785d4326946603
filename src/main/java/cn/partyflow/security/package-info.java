/**
 * Access: the administrator account, the grants each function group starts with, per-case read access for the
 * organization whose case it is, and the login rules for the webapps, /engine-rest and our own pages.
 */
package cn.partyflow.security;
