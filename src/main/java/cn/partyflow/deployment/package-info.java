/** How processes/ and forms/ reach the engine: one deployment, resource names stable across IDE and jar. */
package cn.partyflow.deployment;
