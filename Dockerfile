FROM python:3.12-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
WORKDIR /app

# Dependencies first, in their own layer: code changes do not reinstall them. Test-only tools stay out.
COPY requirements.txt .
RUN sed '/^# --- test-only/,$d' requirements.txt > /tmp/runtime.txt && pip install -r /tmp/runtime.txt

COPY gateway.py schema.sql ./
RUN useradd --system --uid 10001 --no-create-home gateway
USER gateway

EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2).status != 200)"]
CMD ["python", "gateway.py"]
