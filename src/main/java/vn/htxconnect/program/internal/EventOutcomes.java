package vn.htxconnect.program.internal;

import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.htxconnect.inquiry.ConversationCounts;
import vn.htxconnect.linkage.LinkageCounts;
import vn.htxconnect.linkage.LinkageEnums.Origin;
import vn.htxconnect.program.TradeEvent;
import vn.htxconnect.program.TradeEventEnums.Role;
import vn.htxconnect.program.TradeEventOutcomes;

/**
 * Outcomes of a page of events in four statements whatever its size: the rosters, the lead counts, and
 * one count each from the inquiry and linkage modules over every event's window. Inquiries count between
 * any two participants (the conversation says which side buys), since exhibiting processors and
 * distributors buy too.
 */
@Service
class EventOutcomes {

    private final ParticipationStore participants;
    private final LeadStore leads;
    private final ConversationCounts conversations;
    private final LinkageCounts linkages;

    EventOutcomes(ParticipationStore participants, LeadStore leads, ConversationCounts conversations, LinkageCounts linkages) {
        this.participants = participants;
        this.leads = leads;
        this.conversations = conversations;
        this.linkages = linkages;
    }

    @Transactional(readOnly = true)
    public Map<Long, TradeEventOutcomes> of(Collection<TradeEvent> events) {
        Map<Long, TradeEventOutcomes> out = new LinkedHashMap<>();
        if (events.isEmpty()) {
            return out;
        }
        List<Long> ids = events.stream().map(TradeEvent::databaseId).distinct().toList();
        Map<Long, Set<Long>> rosters = new HashMap<>();
        Map<Long, long[]> tallies = new HashMap<>();
        for (ParticipationStore.RosterEntry r : participants.rosters(ids)) {
            rosters.computeIfAbsent(r.eventId(), k -> new HashSet<>()).add(r.organizationId());
            long[] t = tallies.computeIfAbsent(r.eventId(), k -> new long[3]);
            t[r.role() == Role.EXHIBITOR ? 0 : 1]++;
            t[2] += r.attended() ? 1 : 0;
        }
        Map<Long, LeadStore.Counts> leadCounts = leads.counts(ids);
        Map<Long, ConversationCounts.Window> inquiryWindows = new HashMap<>();
        Map<Long, LinkageCounts.Window> linkageWindows = new HashMap<>();
        for (TradeEvent e : events) {
            Set<Long> roster = rosters.getOrDefault(e.databaseId(), Set.of());
            inquiryWindows.put(e.databaseId(), new ConversationCounts.Window(roster, roster, e.startsAt(), e.outcomeWindowEnd()));
            linkageWindows.put(e.databaseId(), new LinkageCounts.Window(roster, e.startsAt(), e.outcomeWindowEnd(),
                    Origin.TRADE_FAIR, e.id()));
        }
        Map<Long, Long> inquiries = conversations.inquiries(inquiryWindows);
        Map<Long, LinkageCounts.Count> formed = linkages.formed(linkageWindows);
        for (TradeEvent e : events) {
            long[] t = tallies.getOrDefault(e.databaseId(), new long[3]);
            LeadStore.Counts l = leadCounts.getOrDefault(e.databaseId(), new LeadStore.Counts(0, 0));
            LinkageCounts.Count f = formed.get(e.databaseId());
            out.put(e.databaseId(), new TradeEventOutcomes(t[0], t[1], t[2], l.leads(), l.converted(),
                    inquiries.getOrDefault(e.databaseId(), 0L), f.linkages(), f.activated(),
                    e.startsOn().plusDays(TradeEvent.OUTCOME_DAYS)));
        }
        return out;
    }
}
