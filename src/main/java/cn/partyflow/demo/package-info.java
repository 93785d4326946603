/** The demo setup: organizations, people and roles of a county health bureau and two hospitals. */
package cn.partyflow.demo;
