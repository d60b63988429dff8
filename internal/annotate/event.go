package annotate

// A long sentence that states one fact among many details ("America’s
// Middle East Envoy Steve Witkoff flew into Moscow’s Vnukovo airport on
// Thursday morning, having travelled from Doha, Qatar by way of European
// airspace on a Gulfstream executive jet") shares too few of its words
// with a short one that states that fact alone ("Witkoff arrived in
// Moscow") for the word signals, p ≈ 0.03. What they share is an event:
// the same predicate, done, with the same named subject and the same
// place. sharedEvent finds it for arrivals, the events whose subject and
// place status.go already reads (moverOf, governor).

// eventProb is the probability the default decision gives a pair that
// shares an event (Decision.Event): agreeHigh, so that it aligns even as
// a claim's second counterpart in the other source, and the detectors
// that need one event then judge it.
const eventProb = agreeHigh

// sharedEvent reports whether a and b both state an arrival as done, by
// movers who share a name (not only both unknown or both groups, as
// sameMover allows for a disagreement), at the same place: a name that
// fills the slot of the arrival in both ("arrived in Moscow", "flew into
// Moscow’s Vnukovo airport", "landed in Moscow").
func (c *corpus) sharedEvent(a, b *node) bool {
	place := false
	for _, x := range a.slots {
		if x.gov != "arrive" {
			continue
		}
		for _, y := range b.slots {
			if y.gov == "arrive" && y.ent == x.ent {
				place = true
			}
		}
	}
	if !place {
		return false
	}
	for _, x := range a.f.status {
		if x.key != motionKey || !x.done {
			continue
		}
		xs := eventMovers(a, x, c.canon)
		if len(xs) == 0 {
			continue
		}
		for _, y := range b.f.status {
			if y.key != motionKey || !y.done {
				continue
			}
			for _, n := range eventMovers(b, y, c.canon) {
				if containsStr(xs, n) {
					return true
				}
			}
		}
	}
	return false
}

// eventKeys are the index keys of the shared events a claim may take
// part in: "a:" + a named mover + "|" + the place of a done arrival.
// Names as common as "Witkoff" and "Moscow" in a corpus about his visit
// propose few candidates each, so a long sentence stating the arrival
// among details met the short one stating it alone in no candidate pair;
// the two together are rare.
func eventKeys(n *node, canon func(string) string) []string {
	var keys []string
	for _, e := range n.f.status {
		if e.key != motionKey || !e.done {
			continue
		}
		for _, m := range eventMovers(n, e, canon) {
			for _, sl := range n.slots {
				if sl.gov == "arrive" {
					keys = append(keys, "a:"+m+"|"+sl.ent)
				}
			}
		}
	}
	return keys
}

// eventMovers returns the canonical names of who arrives in e: the
// mover's own names (mover.own) and the names of the claim's mentions
// inside the subject that are no place (a description resolved to a
// name, "President Trump’s envoy" → Steve Witkoff).
func eventMovers(n *node, e statusEvent, canon func(string) string) []string {
	var out []string
	mv := e.who()
	for _, m := range mv.own {
		out = append(out, canon(m))
	}
	for _, m := range n.f.ments {
		if !m.Place && m.Start >= mv.start && m.End <= mv.end && mv.end > 0 &&
			!containsStr(mv.names, m.Key) && !containsStr(out, canon(m.Key)) {
			out = append(out, canon(m.Key))
		}
	}
	return out
}
