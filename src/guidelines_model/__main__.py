from guidelines_model.cli import main

raise SystemExit(main())
