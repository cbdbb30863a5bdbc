/**
 * Accounts: users and their roles in organizations, sign-up of an organization with its first
 * owner, invitations, JWT sign-in with throttling, partner API keys with scopes, and the Spring
 * Security configuration that turns a bearer token into the platform's {@code Actor}.
 */
package vn.htxconnect.account;
