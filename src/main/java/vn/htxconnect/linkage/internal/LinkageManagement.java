package vn.htxconnect.linkage.internal;

import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.linkage.Linkage;
import vn.htxconnect.linkage.LinkageEnums.Action;
import vn.htxconnect.linkage.LinkageInput;
import vn.htxconnect.linkage.LinkagePayload;
import vn.htxconnect.linkage.LinkageService;

/**
 * The linkage module's API: proposals are {@link LinkageProposals}', status changes
 * {@link LinkageTransitions}', the terms both check {@link LinkageTerms}'; reads are here.
 */
@Service
class LinkageManagement implements LinkageService {

    private final LinkageRepository repository;
    private final LinkageProposals proposals;
    private final LinkageTransitions transitions;

    LinkageManagement(LinkageRepository repository, LinkageProposals proposals, LinkageTransitions transitions) {
        this.repository = repository;
        this.proposals = proposals;
        this.transitions = transitions;
    }

    @Override
    public LinkagePayload propose(LinkageInput in) {
        return proposals.propose(in);
    }

    @Override
    public LinkagePayload act(String id, Action action, String actingOrganizationId, String reason, Long expectedVersion,
                              String clientMutationId) {
        return transitions.act(id, action, actingOrganizationId, reason, expectedVersion, clientMutationId);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Linkage> findById(long id) {
        return repository.findById(id).map(LinkageEntity::toView);
    }

    @Override
    @Transactional(readOnly = true)
    public Map<Long, Linkage> findByIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        return repository.findAllById(ids).stream().map(LinkageEntity::toView)
                .collect(Collectors.toMap(Linkage::databaseId, Function.identity()));
    }
}
