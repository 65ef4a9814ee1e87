package io.circuitos.engine.sandbox;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The sequence-flow graph of a BPMN file, to find cycles that never wait: a loop through gateways and tasks
 * with no user task, receive task, catching event, event-based gateway, external task or asynchronous
 * continuation runs inside one transaction for as long as it loops. Nodes that wait break every cycle through
 * them; what is left is searched for strongly connected components (Tarjan).
 */
final class WaitFreeCycles {

    private final Map<String, List<String>> edges = new HashMap<>();
    private final Set<String> nodes = new HashSet<>();
    private final Set<String> waiting = new HashSet<>();
    private final Map<String, String> parentScope = new HashMap<>();

    void node(String id, String scopeId) {
        nodes.add(id);
        if (scopeId != null) {
            parentScope.put(id, scopeId);
        }
    }

    /** Marks a node as a wait state, and every sub-process around it, which then waits too. */
    void waits(String id) {
        for (String at = id; at != null && waiting.add(at); at = parentScope.get(at)) {
            // walks up the enclosing sub-processes
        }
    }

    private final Map<String, List<String>> linkThrows = new HashMap<>();
    private final Map<String, List<String>> linkCatches = new HashMap<>();

    /** A link throw event continues at the link catch events of the same name, with no sequence flow between them. */
    void link(String eventId, String name, boolean throwing) {
        (throwing ? linkThrows : linkCatches).computeIfAbsent(String.valueOf(name), n -> new ArrayList<>()).add(eventId);
    }

    void flow(String source, String target) {
        if (source != null && target != null) {
            edges.computeIfAbsent(source, s -> new ArrayList<>()).add(target);
        }
    }

    /** Each cycle with no wait state, as the ids of its nodes. */
    List<List<String>> cycles() {
        linkThrows.forEach((name, throwers) -> throwers.forEach(thrower ->
                linkCatches.getOrDefault(name, List.of()).forEach(catcher -> flow(thrower, catcher))));
        linkThrows.clear();
        Tarjan tarjan = new Tarjan();
        for (String node : nodes) {
            if (!waiting.contains(node) && !tarjan.index.containsKey(node)) {
                tarjan.visit(node);
            }
        }
        return tarjan.cycles;
    }

    private final class Tarjan {
        private final Map<String, Integer> index = new LinkedHashMap<>();
        private final Map<String, Integer> low = new HashMap<>();
        private final Deque<String> stack = new ArrayDeque<>();
        private final Set<String> onStack = new HashSet<>();
        private final List<List<String>> cycles = new ArrayList<>();

        /** Iterative, so a long chain of nodes cannot overflow the stack. */
        void visit(String root) {
            Deque<Object[]> work = new ArrayDeque<>();
            enter(root);
            work.push(new Object[] {root, 0});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String node = (String) frame[0];
                List<String> next = successors(node);
                int i = (int) frame[1];
                if (i < next.size()) {
                    frame[1] = i + 1;
                    String target = next.get(i);
                    if (!index.containsKey(target)) {
                        enter(target);
                        work.push(new Object[] {target, 0});
                    } else if (onStack.contains(target)) {
                        low.put(node, Math.min(low.get(node), index.get(target)));
                    }
                    continue;
                }
                work.pop();
                if (!work.isEmpty()) {
                    String parent = (String) work.peek()[0];
                    low.put(parent, Math.min(low.get(parent), low.get(node)));
                }
                if (low.get(node).equals(index.get(node))) {
                    component(node);
                }
            }
        }

        private void enter(String node) {
            index.put(node, index.size());
            low.put(node, index.get(node));
            stack.push(node);
            onStack.add(node);
        }

        private List<String> successors(String node) {
            return edges.getOrDefault(node, List.of()).stream().filter(t -> nodes.contains(t) && !waiting.contains(t)).toList();
        }

        private void component(String root) {
            List<String> members = new ArrayList<>();
            String member;
            do {
                member = stack.pop();
                onStack.remove(member);
                members.add(member);
            } while (!member.equals(root));
            if (members.size() > 1 || successors(root).contains(root)) {
                java.util.Collections.reverse(members);
                cycles.add(members);
            }
        }
    }
}
