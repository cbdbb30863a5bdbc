package vn.htxconnect.platform.internal;

import java.util.List;
import java.util.Map;

import graphql.language.Argument;
import graphql.language.Field;
import graphql.language.FragmentDefinition;
import graphql.language.FragmentSpread;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.VariableReference;

import vn.htxconnect.platform.Cursors;

/**
 * The calculated cost of an operation, GitHub style: every connection costs the number of nodes it
 * may return, its {@code first} (default 20) times the nodes of the connections around it; the
 * operation itself costs 1. Also counts aliased fields and measures the depth of field nesting (a root field is at
 * depth 1; fragments add none), in the same walk: graphql-java's MaxQueryDepthInstrumentation walked the document
 * once more per request for the depth alone.
 */
final class QueryCost {

    private final Map<String, FragmentDefinition> fragments;
    private final Map<String, Object> variables;
    private long cost = 1;
    private int aliases;
    private int depth;

    private QueryCost(Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        this.fragments = fragments;
        this.variables = variables;
    }

    static QueryCost of(SelectionSet selections, Map<String, FragmentDefinition> fragments, Map<String, Object> variables) {
        QueryCost c = new QueryCost(fragments, variables);
        c.walk(selections, 1, 0, 0);
        return c;
    }

    long cost() {
        return cost;
    }

    int aliases() {
        return aliases;
    }

    /** The deepest field nesting, counted up to {@link #MAX_WALK} levels of selections. */
    int depth() {
        return depth;
    }

    /** Levels of selections (fields and fragments) walked at most: deeper documents are refused on depth anyway. */
    static final int MAX_WALK = 50;

    private void walk(SelectionSet set, long multiplier, int levels, int fieldDepth) {
        if (set == null || levels > MAX_WALK) {
            return;
        }
        for (Selection<?> s : set.getSelections()) {
            switch (s) {
                case Field f -> field(f, multiplier, levels, fieldDepth + 1);
                case InlineFragment i -> walk(i.getSelectionSet(), multiplier, levels + 1, fieldDepth);
                case FragmentSpread spread -> {
                    FragmentDefinition def = fragments.get(spread.getName());
                    if (def != null) {
                        walk(def.getSelectionSet(), multiplier, levels + 1, fieldDepth);
                    }
                }
                default -> { }
            }
        }
    }

    private void field(Field f, long multiplier, int levels, int fieldDepth) {
        depth = Math.max(depth, fieldDepth);
        if (f.getAlias() != null) {
            aliases++;
        }
        long child = multiplier;
        if (isConnection(f)) {
            long size = pageSize(f.getArguments());
            child = saturatedMultiply(multiplier, size);
            cost = saturatedAdd(cost, child);
        }
        walk(f.getSelectionSet(), child, levels + 1, fieldDepth);
    }

    /** A field that pages: it takes {@code first} or selects {@code edges}/{@code nodes}. */
    private static boolean isConnection(Field f) {
        if (f.getArguments().stream().anyMatch(a -> a.getName().equals("first") || a.getName().equals("last"))) {
            return true;
        }
        SelectionSet set = f.getSelectionSet();
        return set != null && set.getSelectionsOfType(Field.class).stream()
                .anyMatch(c -> c.getName().equals("edges") || c.getName().equals("nodes"));
    }

    private long pageSize(List<Argument> arguments) {
        for (Argument a : arguments) {
            if (a.getName().equals("first") || a.getName().equals("last")) {
                Object v = a.getValue() instanceof IntValue i ? i.getValue()
                        : a.getValue() instanceof VariableReference r ? variables.get(r.getName()) : null;
                if (v instanceof Number n) {
                    return Math.max(1, n.longValue());
                }
            }
        }
        return Cursors.DEFAULT_FIRST;
    }

    private static long saturatedMultiply(long a, long b) {
        long r = a * b;
        return a != 0 && (r / a != b || r < 0) ? Long.MAX_VALUE : r;
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }
}
