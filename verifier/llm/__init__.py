"""The model layer: claim extraction with an LLM through instructor.

One module, one job:

    settings.py   where the model settings come from (flags, env, config file)
    prompts.py    the prompt templates in verifier/prompts/, rendered here, versioned
    chunking.py   long articles split by paragraphs, with preceding context
    response.py   the pydantic response model and its validators (re-ask reasons)
    usage.py      the usage ledger: tokens of every attempt, cost, budget
    retry.py      the one transport-retry layer (tenacity) around each request
    recording.py  record / replay at the HTTP layer, under the openai client
    client.py     the openai + instructor clients, built lazily
    extractor.py  LLMExtractor: Document -> Extraction

Nothing at the top level of this package imports openai or instructor;
only client.py does, inside functions, when a model is really called.
"""
