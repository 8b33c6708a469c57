from endorse.cli import main

main()
