package main

import (
	"context"
	"flag"
	"fmt"
	"strings"

	"github.com/klaim/klaim"
)

func init() {
	register(&command{
		name:    "entities",
		summary: "List entities (people, organisations, media) with aliases and relations.",
		usage:   "[--format text|jsonl|json] [--kind person|organization|media|place|document]",
		setup: func(fs *flag.FlagSet, g *globals) func(context.Context, []string) error {
			format := fs.String("format", "text", "output `format`: text, jsonl or json")
			kind := fs.String("kind", "", "only entities of this `kind`")
			return func(ctx context.Context, args []string) error {
				if len(args) > 0 {
					return usagef("unexpected argument %q", args[0])
				}
				if err := checkFormat(*format, "text", "jsonl", "json"); err != nil {
					return err
				}
				k, err := openExistingKB(ctx, g)
				if err != nil {
					return err
				}
				defer k.Close()
				all, err := k.store.Entities(ctx)
				if err != nil {
					return err
				}
				ents := make([]klaim.Entity, 0, len(all))
				for _, e := range all {
					if *kind != "" && string(e.Kind) != *kind {
						continue
					}
					if e.Relations == nil {
						if e.Relations, err = k.store.Relations(ctx, e.ID); err != nil {
							return err
						}
					}
					if e.Aliases == nil {
						e.Aliases = []string{}
					}
					if e.Relations == nil {
						e.Relations = []klaim.Relation{}
					}
					ents = append(ents, e)
				}
				switch *format {
				case "jsonl":
					return writeJSONL(g.stdout, ents)
				case "json":
					return writeJSON(g.stdout, ents)
				}
				for _, e := range ents {
					fmt.Fprintf(g.stdout, "%-28s %-12s %s\n", e.Name, e.Kind, strings.Join(e.Aliases, ", "))
					for _, r := range e.Relations {
						line := fmt.Sprintf("%s %s %s", r.From.Name, r.Type, r.To.Name)
						if r.Role != "" {
							line += " (" + r.Role + ")"
						}
						fmt.Fprintf(g.stdout, "    %s\n", line)
					}
				}
				return nil
			}
		},
	})
}
