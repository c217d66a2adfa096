from builder.cli.commands import main

raise SystemExit(main())
