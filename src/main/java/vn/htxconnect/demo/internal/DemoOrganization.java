package vn.htxconnect.demo.internal;

import java.util.List;

import vn.htxconnect.catalog.ProductInput;
import vn.htxconnect.organization.OrganizationInput;

/**
 * One generated organization with its products; the products' {@code organizationId} is filled in
 * when the organization has been created.
 */
record DemoOrganization(OrganizationInput organization, boolean verified, List<ProductInput> products) {
}
