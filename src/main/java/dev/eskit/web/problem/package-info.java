/**
 * Every error as RFC 9457 problem+json, including those the framework, the firewall and Tomcat
 * raise before any controller runs.
 */
package dev.eskit.web.problem;
