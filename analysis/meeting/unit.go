package meeting

import (
	"strings"
	"unicode/utf8"
)

// Org (the field) is the host as written, because the gold schema asks for
// "the host organisation as written in the text" and real reports write it
// both ways: "学院党委召开…" in one article, "学院召开…" in the next. Stripping
// the party organ from Org would lose what the text says (and dev gold keeps
// 机关党委, 国光社区党委, 高镇纪委). OrgUnit gives the unit both spellings
// share, for grouping and facets.

// zhOrgans are party organs written after the unit's name, longest first.
var zhOrgans = []string{
	"机关党委", "党工委", "党总支", "党支部", "总支部", "党委会", "党委", "党组", "纪工委", "纪委", "总支", "支部",
}

// genericUnit are words that name no unit on their own: 机关党委 is the
// organ of "the offices", not of a unit called 机关.
var genericUnit = map[string]bool{"机关": true, "基层": true, "直属": true, "总部": true, "本部": true, "联合": true, "临时": true}

// enOrgans are the English renderings, written before the unit
// ("Party Committee of Donggang Subdistrict Office") or after it
// ("Donggang Subdistrict Office Party Committee").
var enOrgans = []string{
	"party working committee", "party general branch", "general party branch", "party committee", "party branch",
	"party leadership group", "party group", "cpc committee", "discipline inspection commission", "commission for discipline inspection",
}

// OrgUnit returns the unit an organisation name belongs to: the name with a
// trailing party organ (党委, 党工委, 党组, 党总支, 党支部, 纪委, 机关党委) or an
// English "Party Committee of …" / "… Party Committee" removed, so
// "东港街道办事处党工委" and "东港街道办事处" give the same unit. A name that
// is only an organ ("党委", "Party Committee") is returned unchanged, as
// is a name whose rest would be shorter than two characters.
func OrgUnit(org string) string {
	org = strings.TrimSpace(org)
	for _, o := range zhOrgans {
		if rest, ok := strings.CutSuffix(org, o); ok && utf8.RuneCountInString(rest) >= 2 && !strings.HasSuffix(rest, "党") && !genericUnit[rest] {
			return rest
		}
	}
	lower := strings.ToLower(org)
	lower = strings.TrimPrefix(lower, "the ")
	off := len(org) - len(lower)
	for _, o := range enOrgans {
		if rest, ok := strings.CutPrefix(lower, o+" of "); ok && len(rest) >= 2 {
			return strings.TrimPrefix(strings.TrimPrefix(org[len(org)-len(rest):], "the "), "The ")
		}
		if rest, ok := strings.CutSuffix(lower, " "+o); ok && len(rest) >= 2 {
			return strings.TrimSpace(org[off : off+len(rest)])
		}
	}
	return org
}
