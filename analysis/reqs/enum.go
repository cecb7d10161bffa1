package reqs

import (
	"sort"
	"strings"

	"meetscan/analysis/text"
)

// enumItems cuts an enumeration into items and decides which are
// requirements. It returns the items and the span the enumeration covers
// (so its sentences are not taken again as directive sentences).
func enumItems(pi int, p string, sents []text.Span, en enumeration) ([]Item, text.Span) {
	ms := en.markers
	english := ms[0].family == "en" || ms[0].family == "count"
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
		} else if !english {
			// A Chinese list's last item ends with its sentence.
			end = sentenceEnd(sents, m.end)
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
	last := ms[len(ms)-1]
	end := len(p)
	if !english {
		end = sentenceEnd(sents, last.end)
	}
	return items, text.Span{Start: ms[0].start, End: end}
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
