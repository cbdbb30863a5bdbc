package vn.htxconnect.organization.internal;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreUpdate;
import jakarta.persistence.Table;
import jakarta.persistence.Version;

import vn.htxconnect.platform.Timestamped;
import vn.htxconnect.organization.Organization;
import vn.htxconnect.organization.OrganizationKind;
import vn.htxconnect.organization.OrganizationStatus;
import vn.htxconnect.organization.VerificationStatus;
import vn.htxconnect.platform.VietnameseText;

@Entity
@Table(name = "organization")
class OrganizationEntity extends Timestamped {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    OrganizationKind kind;

    @Column(nullable = false)
    String name;

    /** Name without tone marks, lowercased, for accent-insensitive filtering ("dak" finds "Đắk"). */
    @Column(nullable = false)
    String nameFolded;

    String taxCode;
    Integer foundedYear;
    Integer memberCount;
    String sectors;

    @Column(nullable = false)
    String provinceCode;

    String address;
    Double lat;
    Double lon;
    String contactName;
    String contactPhone;
    String contactEmail;
    String website;

    @Column(columnDefinition = "text")
    String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    VerificationStatus verificationStatus = VerificationStatus.UNVERIFIED;

    Instant verifiedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    OrganizationStatus status = OrganizationStatus.ACTIVE;



    @Version
    long version;

    @PrePersist
    @PreUpdate
    void foldName() {
        nameFolded = VietnameseText.fold(name);
    }

    List<String> sectorList() {
        return sectors == null || sectors.isBlank() ? List.of() : Arrays.asList(sectors.split(","));
    }

    Organization toView() {
        return new Organization(id, kind, name, taxCode, foundedYear, memberCount, sectorList(), provinceCode, address,
                lat, lon, contactName, contactPhone, contactEmail, website, description, verificationStatus,
                verifiedAt, status, createdAt, updatedAt, version);
    }
}
