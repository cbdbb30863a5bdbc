package vn.htxconnect.program.internal;

import java.util.Optional;

import org.springframework.graphql.data.method.annotation.Argument;
import org.springframework.graphql.data.method.annotation.MutationMapping;
import org.springframework.stereotype.Controller;

import vn.htxconnect.platform.Access;
import vn.htxconnect.platform.NodeResolver;
import vn.htxconnect.program.internal.ProgramInputs.CheckInInput;
import vn.htxconnect.program.internal.ProgramInputs.ConvertLeadInput;
import vn.htxconnect.program.internal.ProgramInputs.LeadPayload;
import vn.htxconnect.program.internal.ProgramInputs.ParticipantPayload;
import vn.htxconnect.program.internal.ProgramInputs.RecordLeadInput;
import vn.htxconnect.program.internal.ProgramInputs.RegisterInput;

/** Registration, check-in and leads; a lead is a node only for its two sides and the Alliance. */
@Controller
class ParticipationController implements NodeResolver {

    private final Participations participations;
    private final Leads leads;
    private final LeadStore store;

    ParticipationController(Participations participations, Leads leads, LeadStore store) {
        this.participations = participations;
        this.leads = leads;
        this.store = store;
    }

    @MutationMapping
    ParticipantPayload registerForTradeEvent(@Argument RegisterInput input) {
        return participations.register(input);
    }

    @MutationMapping
    ParticipantPayload checkInTradeEventParticipant(@Argument CheckInInput input) {
        return participations.checkIn(input);
    }

    @MutationMapping
    LeadPayload recordTradeEventLead(@Argument RecordLeadInput input) {
        return leads.record(input);
    }

    @MutationMapping
    LeadPayload convertLeadToInquiry(@Argument ConvertLeadInput input) {
        return leads.convert(input);
    }

    @Override
    public String typeName() {
        return TradeEventLead.TYPE;
    }

    @Override
    public Optional<?> load(long id) {
        var actor = Access.current();
        return store.find(id).filter(l -> Leads.visible(actor, l));
    }
}
