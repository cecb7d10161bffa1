package reqs

import (
	"sort"
	"strings"

	"meetscan/analysis/text"
)

// enumItems cuts an enumeration into items and decides which are
// requirements. It returns the items and the span the enumeration covers
// (so its sentences are not taken again as directive sentences).
func enumItems(pi int, p string, sents []text.Span, en enumeration, all []marker) ([]Item, text.Span) {
	ms := en.markers
	english := ms[0].family == "en" || ms[0].family == "count"
	// Where the enumeration ends: an English list runs to the end of
	// the paragraph; a Chinese one as lastItemEnd tells.
	listEnd := len(p)
	if !english {
		listEnd = lastItemEnd(p, sents, ms, all)
	}
	// The preamble: from the start of the sentence holding the first
	// marker up to it ("提出三点要求：", "put forward three requirements:").
	// When the marker starts its sentence, the announcement is the
	// sentence before: "会议提出三点要求。一是…；二是…".
	ps := sentenceStart(sents, ms[0].start)
	if strings.TrimSpace(p[ps:ms[0].start]) == "" && ps > 0 {
		ps = sentenceStart(sents, ps-1)
	}
	pre := p[ps:ms[0].start]
	announced := announces(pre)
	if strings.Contains(pre, "指出") && !strings.ContainsAny(pre, "要求意见希望建议") {
		announced = false // 指出 also introduces findings and praise
	}
	var items []Item
	for k, m := range ms {
		end := len(p)
		if k+1 < len(ms) {
			end = ms[k+1].start
		} else {
			end = listEnd
		}
		end = trimEnd(p, m.start, end)
		if end <= m.start {
			continue
		}
		item := p[m.start:end]
		switch {
		case announced || firstClauseDirective(item, m.end-m.start):
			items = append(items, Item{pi, m.start, end, m.start, -1})
		default:
			// An evaluation item may still hold a directive clause:
			// "二是聚焦问题…，各位对提出的问题…要照单全收".
			items = append(items, directiveClauses(pi, p, text.Span{Start: m.start, End: end})...)
		}
	}
	return items, text.Span{Start: ms[0].start, End: listEnd}
}

// lastItemEnd returns where the last item of a Chinese enumeration ends.
// When the items are clauses of one sentence ("一要…；二要…；三要…。"),
// the enumeration ends with that sentence, and what follows is a new
// statement. When they are written as a heading sentence and its
// elaboration ("一是提高政治站位。各级党组织要…。二是…"), the last item
// has its elaboration too: the directive sentences after its heading, up
// to one that leaves the list (see elaborates) or another marker.
func lastItemEnd(p string, sents []text.Span, ms, all []marker) int {
	last := ms[len(ms)-1]
	end := sentenceEnd(sents, last.end)
	if !elaborated(p, sents, ms) {
		return end
	}
	// A sentence holding another marker is no elaboration.
	stop := len(p)
	if m := sort.Search(len(all), func(m int) bool { return all[m].start >= end }); m < len(all) {
		stop = all[m].start
	}
	k := sort.Search(len(sents), func(k int) bool { return sents[k].Start >= end })
	for ; k < len(sents) && sents[k].End <= stop; k++ {
		s := sents[k]
		if !elaborates(p[s.Start:s.End]) {
			break
		}
		end = s.End
	}
	return end
}

// elaborated reports whether an item before the last of the enumeration
// ms holds more than one sentence.
func elaborated(p string, sents []text.Span, ms []marker) bool {
	for k, m := range ms[:len(ms)-1] {
		if sentenceEnd(sents, m.end) < trimEnd(p, m.start, ms[k+1].start) {
			return true
		}
	}
	return false
}

// elaborates reports whether a sentence after the heading of a list's
// last item goes on with that item: it is directive, and it neither has
// its own lead-in ("他强调，", "周立鹏还要求", "会议指出…要"), nor is a
// pledge, nor closes the speech by sending the meeting's spirit down
// ("各单位要认真学习领会会议精神…"), which is a requirement of its own.
func elaborates(s string) bool {
	d := putForward(s)
	if d < 0 {
		return false
	}
	before := s[:d]
	if cueEnd(before) >= 0 || hasLeadVerb(before) || hasAnyPrefix(s, newSubjects) || containsAnyOf(before, pledgeWords) {
		return false
	}
	return !strings.Contains(s, "会议精神")
}

var (
	// leadVerbs report what a speaker said: a sentence holding one
	// before its directive is a new statement, not an elaboration.
	leadVerbs = []string{"强调", "指出", "要求", "表示", "提出", "希望", "认为"}
	// newSubjects open a sentence about someone other than the item's
	// addressees: the meeting, the speaker, the attendees.
	newSubjects = []string{"会议", "大会", "会上", "会后", "与会", "他", "她", "大家"}
)

// hasLeadVerb reports whether s holds one of leadVerbs as a verb: not
// followed by 的 ("点评指出的问题" names the problems).
func hasLeadVerb(s string) bool {
	for _, v := range leadVerbs {
		for off := 0; ; {
			k := strings.Index(s[off:], v)
			if k < 0 {
				break
			}
			off += k + len(v)
			if !strings.HasPrefix(s[off:], "的") {
				return true
			}
		}
	}
	return false
}

func hasAnyPrefix(s string, ws []string) bool {
	for _, w := range ws {
		if strings.HasPrefix(s, w) {
			return true
		}
	}
	return false
}

// firstClauseDirective reports whether the first clause of an item (after
// its marker) is directive: "三是要建立长效机制", "Second, we must …".
func firstClauseDirective(item string, markerLen int) bool {
	markerLen = min(markerLen, len(item)) // trimming may cut into "1."
	body := item[markerLen:]
	if strings.HasSuffix(item[:markerLen], "要") {
		return true
	}
	clause := body
	if k := strings.IndexAny(body, "，,；;。."); k >= 0 {
		clause = body[:k]
	}
	return directive(clause) >= 0
}

// directiveClauses returns the clauses of span that are directive.
func directiveClauses(pi int, p string, sp text.Span) []Item {
	var out []Item
	for _, c := range text.Split(p, sp, "，,；;。") {
		s := p[c.Start:c.End]
		if d := directive(s); d >= 0 {
			out = append(out, Item{pi, c.Start, trimEnd(p, c.Start, c.End), c.Start + d, -1})
		}
	}
	return out
}

// sentenceStart returns the start of the sentence containing byte i.
func sentenceStart(sents []text.Span, i int) int {
	k := sort.Search(len(sents), func(k int) bool { return sents[k].Start > i })
	if k == 0 {
		return 0
	}
	return sents[k-1].Start
}

// sentenceEnd returns the end of the sentence containing byte i, or
// len(p) when i is past the last sentence (the caller passes the span
// list of p; a missing list means the whole paragraph).
func sentenceEnd(sents []text.Span, i int) int {
	k := sort.Search(len(sents), func(k int) bool { return sents[k].End > i })
	if k == len(sents) {
		if len(sents) == 0 {
			return i
		}
		return max(i, sents[len(sents)-1].End)
	}
	return sents[k].End
}
