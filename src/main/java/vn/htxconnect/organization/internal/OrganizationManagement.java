package vn.htxconnect.organization.internal;

import java.time.Instant;
import java.time.Year;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.interceptor.TransactionAspectSupport;

import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationFilter;
import vn.htxconnect.organization.OrganizationInput;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationPayload;
import vn.htxconnect.organization.OrganizationService;
import vn.htxconnect.organization.OrganizationStatus;
import vn.htxconnect.organization.VerificationStatus;
import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.Connection;
import vn.htxconnect.platform.GlobalId;
import vn.htxconnect.platform.Message;
import vn.htxconnect.platform.Outbox;
import vn.htxconnect.platform.UserErrorCode;
import vn.htxconnect.platform.ValidationErrors;
import vn.htxconnect.region.Province;
import vn.htxconnect.region.ProvinceService;

import vn.htxconnect.webhook.WebhookEvent;
import vn.htxconnect.webhook.WebhookEventType;
import vn.htxconnect.webhook.WebhookEvents;
/** Creates, updates and reads organizations; every change that product documents show goes to the outbox. */
@Service
class OrganizationManagement implements OrganizationService {

    private static final Pattern TAX_CODE = Pattern.compile("\\d{10}(-\\d{3})?");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9 .()-]{8,20}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final Pattern URL = Pattern.compile("https?://[^\\s]{3,490}");

    private final OrganizationRepository repository;
    private final OrganizationQueries queries;
    private final ProvinceService provinces;
    private final Outbox outbox;
    private final WebhookEvents webhooks;

    OrganizationManagement(OrganizationRepository repository, OrganizationQueries queries, ProvinceService provinces,
                           Outbox outbox, WebhookEvents webhooks) {
        this.webhooks = webhooks;
        this.repository = repository;
        this.queries = queries;
        this.provinces = provinces;
        this.outbox = outbox;
    }

    @Override
    @Transactional
    public OrganizationPayload create(OrganizationInput in) {
        ValidationErrors errors = new ValidationErrors();
        if (in.kind() == null) {
            errors.add("kind", UserErrorCode.REQUIRED, Message.of("input.required", "kind"));
        }
        if (in.province() == null || in.province().isBlank()) {
            errors.add("province", UserErrorCode.REQUIRED, Message.of("input.required", "province"));
        }
        if (in.name() == null || in.name().isBlank()) {
            errors.add("name", UserErrorCode.REQUIRED, Message.of("input.required", "name"));
        }
        OrganizationEntity e = new OrganizationEntity();
        e.kind = in.kind();
        apply(in, e, errors);
        if (errors.hasErrors()) {
            return new OrganizationPayload(null, errors.list(), in.clientMutationId());
        }
        repository.save(e);
        return new OrganizationPayload(e.toView(), List.of(), in.clientMutationId());
    }

    @Override
    @Transactional
    public OrganizationPayload update(OrganizationInput in) {
        ValidationErrors errors = new ValidationErrors();
        Long id = GlobalId.tryDecode(in.id(), Organization.TYPE);
        OrganizationEntity e = id == null ? null : repository.findById(id).orElse(null);
        if (e == null) {
            errors.add("id", UserErrorCode.NOT_FOUND, Message.of("organization.notFound"));
            return new OrganizationPayload(null, errors.list(), in.clientMutationId());
        }
        Access.requireMember(e.id);
        if (in.expectedVersion() != null && in.expectedVersion() != e.version) {
            errors.add("expectedVersion", UserErrorCode.CONFLICT,
                    Message.of("organization.staleVersion", e.version));
            return new OrganizationPayload(null, errors.list(), in.clientMutationId());
        }
        if (in.kind() != null) {
            e.kind = in.kind();
        }
        apply(in, e, errors);
        if (errors.hasErrors()) {
            // The entity is managed and half-changed: roll back so nothing reaches the database.
            TransactionAspectSupport.currentTransactionStatus().setRollbackOnly();
            return new OrganizationPayload(null, errors.list(), in.clientMutationId());
        }
        repository.saveAndFlush(e);
        outbox.enqueue(OrganizationService.OUTBOX_TYPE, e.id, "updated");
        return new OrganizationPayload(e.toView(), List.of(), in.clientMutationId());
    }

    @Override
    @Transactional
    public OrganizationPayload setStatus(String globalId, OrganizationStatus status, Long expectedVersion,
                                         String clientMutationId) {
        Long id = GlobalId.tryDecode(globalId, Organization.TYPE);
        OrganizationEntity e = id == null ? null : repository.findById(id).orElse(null);
        ValidationErrors errors = new ValidationErrors();
        if (e != null) {
            Access.requireOwner(e.id);
        }
        if (e == null) {
            errors.add("id", UserErrorCode.NOT_FOUND, Message.of("organization.notFound"));
        } else if (expectedVersion != null && expectedVersion != e.version) {
            errors.add("expectedVersion", UserErrorCode.CONFLICT,
                    Message.of("organization.staleVersion", e.version));
        }
        if (errors.hasErrors()) {
            return new OrganizationPayload(null, errors.list(), clientMutationId);
        }
        e.status = status;
        repository.saveAndFlush(e);
        outbox.enqueue(OrganizationService.OUTBOX_TYPE, e.id, status == OrganizationStatus.ARCHIVED ? "archived" : "restored");
        return new OrganizationPayload(e.toView(), List.of(), clientMutationId);
    }

    @Override
    @Transactional
    public OrganizationPayload setVerification(String globalId, boolean verified, String clientMutationId) {
        Access.requireAlliance();
        Long id = GlobalId.tryDecode(globalId, Organization.TYPE);
        OrganizationEntity e = id == null ? null : repository.findById(id).orElse(null);
        if (e == null) {
            return new OrganizationPayload(null, new ValidationErrors()
                    .add("id", UserErrorCode.NOT_FOUND, Message.of("organization.notFound")).list(), clientMutationId);
        }
        boolean newlyVerified = verified && e.verificationStatus != VerificationStatus.VERIFIED;
        e.verificationStatus = verified ? VerificationStatus.VERIFIED : VerificationStatus.UNVERIFIED;
        e.verifiedAt = verified ? Instant.now() : null;
        repository.saveAndFlush(e);
        outbox.enqueue(OrganizationService.OUTBOX_TYPE, e.id, "verification");
        if (newlyVerified && e.toView().kind().isCooperative()) {
            publishVerified(e.toView());
        }
        return new OrganizationPayload(e.toView(), List.of(), clientMutationId);
    }

    /** Tells every subscriber (public) that the Alliance verified a cooperative, with its public profile (no contacts). */
    private void publishVerified(Organization o) {
        Map<String, Object> f = new java.util.LinkedHashMap<>();
        f.put("kind", o.kind().name());
        f.put("name", o.name());
        f.put("provinceCode", o.provinceCode());
        f.put("sectors", o.sectors());
        f.put("foundedYear", o.foundedYear());
        f.put("memberCount", o.memberCount());
        f.put("website", o.website());
        f.put("description", o.description());
        f.put("verificationStatus", o.verificationStatus().name());
        f.put("verifiedAt", o.verifiedAt() == null ? null : o.verifiedAt().toString());
        webhooks.publish(WebhookEvent.publicEvent(WebhookEventType.COOPERATIVE_VERIFIED, o.id(), f)
                .withFilters(o.provinceCode(), null));
    }

    /** Validates and copies the given (non-null) fields. */
    private void apply(OrganizationInput in, OrganizationEntity e, ValidationErrors errors) {
        if (in.name() != null) {
            e.name = errors.text("name", in.name(), 255, true);
        }
        if (in.taxCode() != null) {
            String tax = in.taxCode().strip();
            if (!TAX_CODE.matcher(tax).matches()) {
                errors.add("taxCode", UserErrorCode.INVALID, Message.of("organization.taxCode.invalid"));
            } else if (!tax.equals(e.taxCode) && repository.existsByTaxCode(tax)) {
                errors.add("taxCode", UserErrorCode.DUPLICATE, Message.of("organization.taxCode.taken"));
            }
            e.taxCode = tax;
        }
        if (in.foundedYear() != null) {
            if (in.foundedYear() < 1945 || in.foundedYear() > Year.now().getValue()) {
                errors.add("foundedYear", UserErrorCode.OUT_OF_RANGE, Message.of("organization.foundedYear.range"));
            }
            e.foundedYear = in.foundedYear();
        }
        if (in.memberCount() != null) {
            if (in.memberCount() < 0 || in.memberCount() > 1_000_000) {
                errors.add("memberCount", UserErrorCode.OUT_OF_RANGE, Message.of("organization.memberCount.range"));
            }
            e.memberCount = in.memberCount();
        }
        if (in.sectors() != null) {
            List<String> sectors = new ArrayList<>();
            for (String s : in.sectors()) {
                if (s != null && !s.isBlank()) {
                    sectors.add(s.strip().replace(",", " "));
                }
            }
            if (sectors.size() > 20 || sectors.stream().anyMatch(s -> s.length() > 60)) {
                errors.add("sectors", UserErrorCode.TOO_LONG, Message.of("organization.sectors.tooMany"));
            }
            e.sectors = String.join(",", sectors);
        }
        Province province = null;
        if (in.province() != null && !in.province().isBlank()) {
            province = provinces.resolve(in.province()).orElse(null);
            if (province == null) {
                errors.add("province", UserErrorCode.NOT_FOUND, Message.of("region.province.unknownNamed", in.province()));
            } else {
                e.provinceCode = province.code();
            }
        }
        e.address = errors.text("address", in.address() != null ? in.address() : e.address, 500, false);
        if (in.lat() != null || in.lon() != null) {
            double[] point = errors.point("lat", in.lat(), "lon", in.lon());
            if (point != null) {
                e.lat = point[0];
                e.lon = point[1];
            }
        } else if (province != null && (e.lat == null || in.province() != null)) {
            // No point given: the province centroid is the best location we know.
            e.lat = province.centroid().lat();
            e.lon = province.centroid().lon();
        }
        e.contactName = errors.text("contactName", in.contactName() != null ? in.contactName() : e.contactName, 120, false);
        if (in.contactPhone() != null) {
            e.contactPhone = checked(errors, "contactPhone", in.contactPhone(), PHONE, Message.of("organization.phone.invalid", "contactPhone"));
        }
        if (in.contactEmail() != null) {
            e.contactEmail = checked(errors, "contactEmail", in.contactEmail(), EMAIL, Message.of("organization.email.invalid", "contactEmail"));
        }
        if (in.website() != null) {
            e.website = checked(errors, "website", in.website(), URL, Message.of("organization.url.invalid", "website"));
        }
        e.description = errors.text("description", in.description() != null ? in.description() : e.description, 5000, false);
    }

    private static String checked(ValidationErrors errors, String field, String value, Pattern pattern, Message invalid) {
        String v = value.strip();
        if (v.isEmpty()) {
            return null;
        }
        if (!pattern.matcher(v).matches()) {
            errors.add(field, UserErrorCode.INVALID, invalid);
        }
        return v;
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Organization> findById(long id) {
        return repository.findById(id).map(OrganizationEntity::toView);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Organization> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findAllById(ids).stream().map(OrganizationEntity::toView)
                .collect(Collectors.toMap(Organization::databaseId, Function.identity()));
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> idsUpdatedSince(Instant since) {
        return repository.findIdsUpdatedSince(since);
    }

    @Override
    @Transactional(readOnly = true)
    public List<Long> idsNotActive() {
        return repository.findIdsByStatusNot(OrganizationStatus.ACTIVE);
    }

    @Override
    @Transactional(readOnly = true)
    public Connection<Organization> list(OrganizationFilter filter, int first, String after) {
        return queries.list(filter, first, after);
    }

    private static final List<OrganizationKind> COOPERATIVE_KINDS = Arrays.stream(OrganizationKind.values())
            .filter(OrganizationKind::isCooperative).toList();

    @Override
    @Transactional(readOnly = true)
    public List<Organization> cooperativesIn(String provinceCode, long afterId, int limit) {
        return repository.findInProvince(provinceCode, COOPERATIVE_KINDS, afterId, Limit.of(limit)).stream()
                .map(OrganizationEntity::toView).toList();
    }

    @Override
    @Transactional(readOnly = true)
    public List<CooperativeRegistration> registeredCooperatives() {
        return repository.findRegistrations(COOPERATIVE_KINDS, OrganizationStatus.ACTIVE);
    }

    @Override
    @Transactional(readOnly = true)
    public List<CooperativeContact> cooperativesRegisteredBetween(Instant from, Instant to) {
        return repository.findContactsRegisteredBetween(COOPERATIVE_KINDS, from, to);
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public Map<Long, Organization> lockForUpdate(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.lockAll(ids).stream().map(OrganizationEntity::toView)
                .collect(Collectors.toMap(Organization::databaseId, Function.identity()));
    }
}
