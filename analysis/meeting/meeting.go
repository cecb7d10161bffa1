// Package meeting classifies a report's meeting and reads the facts stated
// about it: type, attendance and host organisation. Pure functions over
// paragraphs already folded to simplified characters.
package meeting

import (
	"regexp"
	"strings"

	"meetscan/analysis/text"
	"meetscan/data"
)

// cue is one type's keyword patterns, Chinese and English apart so that
// each text only runs the patterns of the scripts it contains.
type cue struct {
	typ    string
	zh, en *regexp.Regexp
}

// Ordered by precedence: when two types score the same, the earlier wins
// (a 民主生活会 that also reviews work is a democratic-life meeting).
var cues = []cue{
	{data.MeetingDemocraticLife, regexp.MustCompile(`民主生活会|组织生活会`), regexp.MustCompile(`(?i)democratic life|organi[sz]ational life (?:meeting|conference)`)},
	{data.MeetingCongress, regexp.MustCompile(`党员大会|党代会|代表大会|换届|选举大会`), regexp.MustCompile(`(?i)general meeting of (?:all )?(?:the )?party members|members'? (?:general )?(?:assembly|meeting)|general election|election of the new|(?:party|branch) congress\b`)},
	{data.MeetingReview, regexp.MustCompile(`述职|述廉|双述双评|述评`), regexp.MustCompile(`(?i)performance review|review meeting|work review|job report(?:ing)? and evaluation|reporting and evaluation|secretary(?:'s)? (?:work )?report|review the work|debriefing|report(?:ed)? on (?:their|his|her) (?:party building )?work and (?:was|were) evaluated`)},
	{data.MeetingJoint, regexp.MustCompile(`联席会|联学联建|党建联建|联建|共建|结对|联合(?:主题)?党日|联学`), regexp.MustCompile(`(?i)joint (?:party )?(?:branch )?meeting|joint (?:study|construction|building)|co-construction|pairing`)},
	{data.MeetingStudy, regexp.MustCompile(`理论学习中心组|中心组(?:集体|专题)?学习|专题学习|学习会|读书班|集体学习|学习研讨`), regexp.MustCompile(`(?i)theory learning|theoretical (?:study|learning) (?:center|centre|central) group|central group|study (?:meeting|session)|collective study|learning session|reading class`)},
	{data.MeetingPromotion, regexp.MustCompile(`工作会议?|推进会|部署会|动员会|领导小组会议|党委会|调度会|务虚会`), regexp.MustCompile(`(?i)promotion (?:work )?(?:meeting|conference)|work (?:meeting|conference)|deployment meeting|mobili[sz]ation meeting|meeting to promote|promotion meeting|work promotion`)},
}

// holdVerb marks the sentence that says which meeting was held.
var holdVerb = regexp.MustCompile(`召开|举行|举办|开展|组织|\bheld\b|\b[Hh]olds?\b|\borgani[sz]ed\b|\bconvened\b|\bpresided\b|carried out`)

// Type classifies the meeting. The title counts most, then the (first two)
// sentences that say a meeting was held, then mentions anywhere in the
// first paragraphs. Reports that match no cue are "other".
func Type(title string, paras []string) string {
	score := map[string]int{}
	add := func(s string, w int) {
		if s == "" {
			return
		}
		han, latin := text.Counts(s)
		for _, c := range cues {
			n := 0
			if han > 0 {
				n += len(c.zh.FindAllStringIndex(s, 8))
			}
			if latin > 0 {
				n += len(c.en.FindAllStringIndex(s, 8))
			}
			if w > 1 && n > 1 {
				n = 1
			}
			score[c.typ] += n * w
		}
	}
	add(title, 6)
	var held []string
	var rest strings.Builder
	for i, p := range paras {
		if p == title || i >= 12 {
			continue
		}
		for _, s := range sentences(p) {
			if len(held) < 2 && holdVerb.MatchString(s) {
				held = append(held, s)
				continue
			}
			rest.WriteString(s)
			rest.WriteString("。")
		}
	}
	for _, s := range held {
		add(s, 4)
	}
	add(rest.String(), 1)
	best, bestScore := data.MeetingOther, 0
	for _, c := range cues {
		if score[c.typ] > bestScore {
			best, bestScore = c.typ, score[c.typ]
		}
	}
	return best
}

func sentences(p string) []string {
	f := func(r rune) bool { return r == '。' || r == '！' || r == '？' }
	var out []string
	for _, s := range strings.FieldsFunc(p, f) {
		// English: split on ". " without a full sentence splitter; the
		// scores only need rough sentences.
		out = append(out, strings.Split(s, ". ")...)
	}
	return out
}
