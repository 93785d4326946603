/**
 * Access: the administrator account, the grants each function group starts with, per-case read access for the
 * organization whose case it is, the login rules for the webapps, /engine-rest and our own pages, the login throttle
 * that slows password guessing without locking anybody out for good, and the password policy outside the demo.
 */
package cn.partyflow.security;
