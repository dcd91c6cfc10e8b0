package main

import (
	"context"
	"flag"
	"fmt"
	"sort"
	"strings"

	"github.com/klaim/klaim"
)

func init() {
	register(&command{
		name:    "statements",
		summary: "List statements: who claimed, denied, admitted or apologised for what.",
		usage:   "[--format text|jsonl|json] [--speaker NAME|ID] [--stance S] [--claim ID] [--lang id|en]",
		setup: func(fs *flag.FlagSet, g *globals) func(context.Context, []string) error {
			format := fs.String("format", "text", "output `format`: text, jsonl or json")
			speaker := fs.String("speaker", "", "only statements of this speaker (`name or entity id`)")
			stance := fs.String("stance", "", "only this `stance`: claim, deny, admit or apologize")
			claim := fs.String("claim", "", "only statements about this claim `ID`")
			lang := fs.String("lang", "", "only statements from articles in this `language` (id or en)")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				if err := checkFormat(*format, "text", "jsonl", "json"); err != nil {
					return err
				}
				f := klaim.StatementFilter{Claim: *claim, Lang: *lang}
				if *stance != "" {
					st, err := klaim.ParseStance(*stance)
					if err != nil {
						return usagef("%v", err)
					}
					f.Stance = st
				}
				if *lang != "" && *lang != "id" && *lang != "en" {
					return usagef("--lang must be id or en, not %q", *lang)
				}
				k, err := openExistingKB(ctx, g)
				if err != nil {
					return err
				}
				defer k.Close()
				sts, err := statementsOf(ctx, k.store, f, *speaker)
				if err != nil {
					return err
				}
				switch *format {
				case "jsonl":
					return writeJSONL(g.stdout, sts)
				case "json":
					return writeJSON(g.stdout, sts)
				}
				for _, s := range sts {
					who := s.Speaker.Name
					if s.Speaker.Org != nil {
						who += " (" + s.Speaker.Org.Name + ")"
					}
					fmt.Fprintf(g.stdout, "%-10s %-9s %s: %s\n           %s\n", s.SaidAt, s.Stance, who,
						clip(s.Quote, 140), clip(s.Article.Title, 80)+" · "+s.Article.Site)
				}
				return nil
			}
		},
	})
}

// statementsOf lists statements matching f, and spoken by speaker (a name or
// entity ID) when one is given.
func statementsOf(ctx context.Context, st klaim.Store, f klaim.StatementFilter, speaker string) ([]klaim.Statement, error) {
	if speaker == "" {
		return st.Statements(ctx, f)
	}
	ids, err := resolveEntity(ctx, st, speaker)
	if err != nil {
		return nil, err
	}
	var out []klaim.Statement
	for _, id := range ids {
		f.Speaker = id
		sts, err := st.Statements(ctx, f)
		if err != nil {
			return nil, err
		}
		out = append(out, sts...)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].SaidAt < out[j].SaidAt })
	return out, nil
}

// resolveEntity turns a name or entity ID into entity IDs.
func resolveEntity(ctx context.Context, st klaim.Store, nameOrID string) ([]string, error) {
	if strings.HasPrefix(nameOrID, "en_") {
		if _, err := st.Entity(ctx, nameOrID); err == nil {
			return []string{nameOrID}, nil
		}
	}
	ents, err := st.EntitiesByAlias(ctx, nameOrID)
	if err != nil {
		return nil, err
	}
	if len(ents) == 0 {
		return nil, fmt.Errorf("no entity named %q (see 'klaim entities')", nameOrID)
	}
	ids := make([]string, len(ents))
	for i, e := range ents {
		ids[i] = e.ID
	}
	return ids, nil
}
