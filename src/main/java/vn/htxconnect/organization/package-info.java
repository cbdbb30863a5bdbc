/**
 * Organizations on the marketplace: cooperatives (HTX), cooperative unions and groups, retail
 * chains, processors, distributors and partners such as the provincial Cooperative Alliance;
 * their contact details, location and verification by the Alliance.
 */
package vn.htxconnect.organization;
