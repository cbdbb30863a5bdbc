package vn.htxconnect.organization.internal;

import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.criteria.Predicate;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Component;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationFilter;
import vn.htxconnect.organization.OrganizationStatus;
import vn.htxconnect.platform.ApiException;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.Cursors;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.OffsetPage;
import vn.htxconnect.platform.VietnameseText;
import vn.htxconnect.region.ProvinceService;

/** The filtered, paged organization list (two statements: the page and the count). */
@Component
class OrganizationQueries {

    private final OrganizationRepository repository;
    private final ProvinceService provinces;

    OrganizationQueries(OrganizationRepository repository, ProvinceService provinces) {
        this.repository = repository;
        this.provinces = provinces;
    }

    Connection<Organization> list(OrganizationFilter filter, int first, String after) {
        Specification<OrganizationEntity> spec = spec(filter == null ? new OrganizationFilter(null, null, null, null, null) : filter);
        int offset = Cursors.offsetAfter(after);
        Page<OrganizationEntity> page = repository.findAll(spec, new OffsetPage(offset, first + 1, Sort.by("name", "id")));
        return Connection.fromOffset(page.getContent().stream().map(OrganizationEntity::toView).toList(), offset, first,
                page.getTotalElements());
    }

    private Specification<OrganizationEntity> spec(OrganizationFilter f) {
        String provinceCode = null;
        if (f.province() != null && !f.province().isBlank()) {
            provinceCode = provinces.resolve(f.province())
                    .orElseThrow(() -> ApiException.badRequest("filter.province", Message.of("region.province.unknownNamed", f.province())))
                    .code();
        }
        String text = f.text() == null || f.text().isBlank() ? null : VietnameseText.fold(f.text());
        if (text != null && text.length() > 200) {
            throw ApiException.badRequest("filter.text", Message.of("input.tooLong", "filter.text", 200));
        }
        String province = provinceCode;
        return (root, query, cb) -> {
            List<Predicate> p = new ArrayList<>();
            if (f.kinds() != null && !f.kinds().isEmpty()) {
                p.add(root.get("kind").in(f.kinds()));
            }
            if (province != null) {
                p.add(cb.equal(root.get("provinceCode"), province));
            }
            p.add(cb.equal(root.get("status"), f.status() == null ? OrganizationStatus.ACTIVE : f.status()));
            if (f.verification() != null) {
                p.add(cb.equal(root.get("verificationStatus"), f.verification()));
            }
            if (text != null) {
                String like = "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
                p.add(cb.like(root.get("nameFolded"), like, '\\'));
            }
            return cb.and(p.toArray(Predicate[]::new));
        };
    }
}
